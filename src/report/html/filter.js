// Filters the finding cards by severity, kind and entity; reads only the page's own controls.
(function () {
  var controls = document.getElementById("filters");
  if (!controls) return;
  var cards = document.querySelectorAll("article.finding");
  function checked(name) {
    var values = {};
    controls.querySelectorAll("input[name=" + name + "]").forEach(function (box) {
      values[box.value] = box.checked;
    });
    return values;
  }
  function apply() {
    var severities = checked("severity");
    var kinds = checked("kind");
    var entity = controls.querySelector("select[name=entity]").value;
    var shown = 0;
    cards.forEach(function (card) {
      var visible = severities[card.dataset.severity] && kinds[card.dataset.kind] &&
        (entity === "" || card.dataset.entities.indexOf(" " + entity + " ") >= 0);
      card.classList.toggle("hidden", !visible);
      if (visible) shown += 1;
    });
    document.getElementById("shown").textContent = shown + " of " + cards.length + " findings shown";
  }
  controls.addEventListener("change", apply);
  apply();
})();
