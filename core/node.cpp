// Look-ups on the positioned document tree.
#include "node.hpp"

namespace simpul {

// Written out, not `= default`: clang 14 (the fuzz build's) crashes on a defaulted
// comparison of a type that holds vectors of itself.
bool Node::operator==(const Node& o) const {
    return type == o.type && text == o.text && int_value == o.int_value &&
           bool_value == o.bool_value && items == o.items && entries == o.entries &&
           line == o.line && col == o.col;
}

bool Node::is_scalar() const {
    return type == Type::String || type == Type::Int || type == Type::Float || type == Type::Bool;
}

const NodeEntry* Node::entry(std::string_view key) const {
    for (const auto& e : entries)
        if (e.key == key) return &e;
    return nullptr;
}

const Node* Node::get(std::string_view key) const {
    const NodeEntry* e = entry(key);
    return e ? &e->value : nullptr;
}

const char* node_type_name(Node::Type t) {
    switch (t) {
        case Node::Type::Null:
            return "nothing";
        case Node::Type::String:
            return "text";
        case Node::Type::Int:
            return "a whole number";
        case Node::Type::Float:
            return "a decimal number";
        case Node::Type::Bool:
            return "true/false";
        case Node::Type::List:
            return "a list";
        case Node::Type::Map:
            return "a map";
    }
    return "?";
}

}  // namespace simpul
