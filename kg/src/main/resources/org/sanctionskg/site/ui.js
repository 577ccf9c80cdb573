// The query editor: YASGUI on this server's /sparql, with the canned queries one click away.
// Works offline: autocompleters that call prefix.cc or LOV are switched off, nothing else leaves the page's origin.
(function () {
  "use strict";
  var examples = JSON.parse(document.getElementById("canned-queries").textContent);
  var completers = Yasgui.Yasqe.defaults.autocompleters;
  var local = completers.filter(function (name) { return name === "variables"; });
  completers.splice.apply(completers, [0, completers.length].concat(local));
  var endpoint = new URL("/sparql", window.location.href).href;
  var yasgui = new Yasgui(document.getElementById("yasgui"), {
    requestConfig: { endpoint: endpoint, method: "POST" },
    copyEndpointOnNewTab: false,
    persistenceId: null,
    endpointCatalogueOptions: { getData: function () { return [{ endpoint: endpoint }]; }, keys: [] }
  });
  function load(example) {
    var tab = yasgui.getTab();
    tab.setEndpoint(endpoint);
    tab.setQuery(example.query);
    document.getElementById("example-description").textContent = example.title;
  }
  document.querySelectorAll("button.example").forEach(function (button) {
    button.addEventListener("click", function () { load(examples[Number(button.dataset.index)]); });
  });
  if (examples.length > 0 && !window.location.hash) load(examples[0]);
  window.sanctionsKgYasgui = yasgui;
})();
