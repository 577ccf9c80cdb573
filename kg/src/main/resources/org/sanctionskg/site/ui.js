// The query editor: YASGUI on this server's /sparql, with the canned queries one click away.
// Works offline: autocompleters that call prefix.cc or LOV are switched off, nothing else leaves the page's origin.
(function () {
  "use strict";
  var examples = JSON.parse(document.getElementById("canned-queries").textContent);
  var completers = Yasgui.Yasqe.defaults.autocompleters;
  var local = completers.filter(function (name) { return name === "variables"; });
  completers.splice.apply(completers, [0, completers.length].concat(local));
  var endpoint = new URL("/sparql", window.location.href).href;
  // A Share link (/ui#query=…) wins over the first canned query; read it now, as YASGUI clears the hash when it reads it.
  var shared = sharedQuery();
  var yasgui = new Yasgui(document.getElementById("yasgui"), {
    requestConfig: { endpoint: endpoint, method: "POST" },
    copyEndpointOnNewTab: false,
    persistenceId: null,
    // A shared link runs its query here only: this editor talks to this server's endpoint, whatever the link names.
    populateFromUrl: function (tab) { tab.requestConfig.endpoint = endpoint; return tab; },
    endpointCatalogueOptions: { getData: function () { return [{ endpoint: endpoint }]; }, keys: [] }
  });
  function sharedQuery() {
    return new URLSearchParams(window.location.hash.replace(/^#/, "")).get("query");
  }
  function load(example) {
    var tab = yasgui.getTab();
    tab.setEndpoint(endpoint);
    tab.setQuery(example.query);
    document.getElementById("example-description").textContent = example.title;
  }
  document.querySelectorAll("button.example").forEach(function (button) {
    button.addEventListener("click", function () { load(examples[Number(button.dataset.index)]); });
  });
  // A Share link pasted into the address bar of an open editor shows its query too.
  window.addEventListener("hashchange", function () {
    var query = sharedQuery();
    if (query !== null) yasgui.getTab().setQuery(query);
  });
  if (shared === null && examples.length > 0) load(examples[0]);
  window.sanctionsKgYasgui = yasgui;
})();
