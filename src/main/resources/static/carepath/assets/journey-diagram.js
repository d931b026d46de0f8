// CarePath: each of the child's journeys drawn by bpmn-js (served by the app: no CDN), with the steps open now
// highlighted, the steps done shaded and each tracked stage's clock marked. No inline script or style: the page's
// Content-Security-Policy allows neither, so markers are classes (carepath.css) and overlays are built as elements.
(function () {
  'use strict';
  if (!window.BpmnJS) {
    return;
  }
  document.querySelectorAll('.carepath-journey-diagram').forEach(function (journey) {
    var container = journey.querySelector('.carepath-diagram');
    var viewer = new window.BpmnJS({ container: container });
    fetch(container.dataset.diagram, { credentials: 'same-origin' })
      .then(function (answer) {
        if (!answer.ok) {
          throw new Error('diagram ' + answer.status);
        }
        return answer.text();
      })
      .then(function (xml) { return viewer.importXML(xml); })
      .then(function () {
        var canvas = viewer.get('canvas');
        var registry = viewer.get('elementRegistry');
        var overlays = viewer.get('overlays');
        var mark = function (ids, marker) {
          (ids || '').split(' ').filter(Boolean).forEach(function (id) {
            if (registry.get(id)) {
              canvas.addMarker(id, marker);
            }
          });
        };
        mark(container.dataset.done, 'carepath-done');
        mark(container.dataset.current, 'carepath-current');
        journey.querySelectorAll('.carepath-clocks li').forEach(function (clock) {
          var id = clock.dataset.activity;
          if (!registry.get(id)) {
            return;
          }
          canvas.addMarker(id, 'carepath-clock-' + clock.dataset.tone);
          var badge = document.createElement('span');
          badge.className = 'carepath-clock carepath-clock--' + clock.dataset.tone;
          badge.textContent = clock.dataset.words;
          overlays.add(id, { position: { top: -14, left: 0 }, scale: false, html: badge });
        });
        // the overlays are hidden while the view box changes and shown once it has (debounced): drawn only then
        var drawn = function () { container.classList.add('carepath-diagram--drawn'); };
        viewer.get('eventBus').once('canvas.viewbox.changed', drawn);
        window.setTimeout(drawn, 1500);
        canvas.zoom('fit-viewport');
      })
      .catch(function (error) {
        container.classList.add('carepath-diagram--failed');
        container.textContent = 'The diagram could not be drawn (' + error.message + ').';
      });
  });
}());
