// A bar chart view for the query editor's results (a YASR plugin, served from this jar: no CDN, works offline).
// It draws SELECT results that have a numeric column (?count) and a column to name each bar (?label): one bar a row.
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg", MAX_BARS = 60, NUMERIC = /#(integer|decimal|double|float|int|long|short|byte|(non)?(negative|positive)Integer|unsigned(Int|Long|Short|Byte))$/;

  function isNumber(term) {
    return !!term && term.type !== "uri" && term.type !== "bnode" && NUMERIC.test(term.datatype || "") && isFinite(Number(term.value));
  }

  // The bar heights and their names, or null when the results have no such shape.
  function shape(results) {
    if (!results || !results.getBindings || !results.getBindings()) return null;
    var vars = results.getVariables(), rows = results.getBindings();
    if (rows.length === 0 || vars.length < 2) return null;
    var value = vars.filter(function (v) { return rows.every(function (r) { return isNumber(r[v]); }); })[0];
    if (!value) return null;
    var others = vars.filter(function (v) { return v !== value; });
    var label = others.filter(function (v) { return /label$/i.test(v); })[0] || others[0];
    return { value: value, label: label, rows: rows };
  }

  function name(term) {
    if (!term) return "(unbound)";
    if (term.type === "uri") return term.value.replace(/^.*[\/#](?=[^\/#]+$)/, "");
    return term.value;
  }

  function element(tag, attributes, text) {
    var e = document.createElementNS(SVG, tag);
    Object.keys(attributes).forEach(function (k) { e.setAttribute(k, attributes[k]); });
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function BarChart(yasr) {
    this.yasr = yasr;
    this.label = "Chart";
    this.priority = 5;
  }
  BarChart.prototype.canHandleResults = function () { return shape(this.yasr.results) !== null; };
  BarChart.prototype.getIcon = function () {
    var icon = document.createElement("span");
    icon.textContent = "\u2587";
    return icon;
  };
  BarChart.prototype.draw = function () {
    var s = shape(this.yasr.results), rows = s.rows.slice(0, MAX_BARS), row = 22, left = 260, width = 760;
    var max = Math.max.apply(null, rows.map(function (r) { return Number(r[s.value].value); }).concat([0]));
    var svg = element("svg", { "class": "sanctions-kg-chart", viewBox: "0 0 " + width + " " + (rows.length * row + 8), width: "100%",
      style: "max-width:" + width + "px", "font-family": "system-ui,sans-serif", "font-size": "12", role: "img" });
    svg.appendChild(element("title", {}, "?" + s.value + " by ?" + s.label));
    rows.forEach(function (r, i) {
      var n = Number(r[s.value].value), text = name(r[s.label]), y = i * row + 4;
      var bar = element("g", { "class": "bar" });
      bar.appendChild(element("title", {}, text + ": " + r[s.value].value));
      bar.appendChild(element("text", { x: left - 8, y: y + 15, "text-anchor": "end" }, text.length > 40 ? text.slice(0, 39) + "\u2026" : text));
      var w = max > 0 ? Math.max(1, (width - left - 60) * Math.max(0, n) / max) : 1;
      bar.appendChild(element("rect", { x: left, y: y + 3, width: w, height: row - 6, fill: "#1f6fb2" }));
      bar.appendChild(element("text", { x: left + w + 6, y: y + 15 }, r[s.value].value));
      svg.appendChild(bar);
    });
    var wrapper = document.createElement("div");
    wrapper.appendChild(svg);
    if (s.rows.length > MAX_BARS) {
      var note = document.createElement("p");
      note.textContent = "The first " + MAX_BARS + " of " + s.rows.length + " rows; the table view has them all.";
      wrapper.appendChild(note);
    }
    this.yasr.resultsEl.appendChild(wrapper);
  };

  Yasgui.Yasr.registerPlugin("chart", BarChart);
  Yasgui.Yasr.defaults.pluginOrder = ["table", "chart", "response"];
})();
