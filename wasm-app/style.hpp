// Fonts and style of the dashboard at a given scale (devicePixelRatio): the
// font atlas is rebuilt at the scaled pixel size, so text stays crisp on
// high-DPI screens and after browser zoom. Shared by main.cpp and the tests.
#pragma once

namespace simpul::dash {

// Rebuilds the font atlas and the style for `scale`; call outside a frame. The
// renderer's font texture must be recreated afterwards.
void apply_style(float scale);

}  // namespace simpul::dash
