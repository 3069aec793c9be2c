// While chain writes or background jobs are pending (body data-pending="true"), refresh the parts of the
// page marked data-live — not while someone is typing — until nothing is pending. Soon at first (a write is
// usually confirmed within a block or two), then every 2.5 s.
(function () {
  if (document.body.dataset.pending !== 'true') return;
  var typing = false;
  document.addEventListener('input', function () { typing = true; });
  var delays = [500, 750, 1000, 1500, 2000, 2500];
  var round = 0;
  function next() {
    setTimeout(refresh, delays[Math.min(round++, delays.length - 1)]);
  }
  function refresh() {
    if (typing) return next();
    fetch(location.pathname, { credentials: 'same-origin' }).then(function (r) { return r.ok ? r.text() : null; }).then(function (html) {
      if (!html) return next();
      var fresh = new DOMParser().parseFromString(html, 'text/html');
      document.querySelectorAll('[data-live]').forEach(function (el) {
        var part = fresh.getElementById(el.id);
        if (part) el.innerHTML = part.innerHTML;
      });
      if (fresh.body.dataset.pending === 'true') next();
    }).catch(next);
  }
  next();
})();
