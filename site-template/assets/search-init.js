// Loaded in the search page's <head> (not inline: the Content-Security-Policy
// allows no inline script): marks the page as scripted before it is drawn, so the
// browse list does not flash before search.js takes over; not from disk, where
// browsers block the index files.
if (location.protocol !== 'file:') {
  document.documentElement.className += ' js' +
    (/[?&](q|province|sector|sdg|year|stage|award|status|type)=[^&]/.test(location.search) ? ' has-query' : '');
}
