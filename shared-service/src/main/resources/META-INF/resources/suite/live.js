// While chain writes or background jobs are pending (body data-pending="true"), refresh the parts of the
// page marked data-live every 2.5 s — not while someone is typing — until nothing is pending.
(function () {
  if (document.body.dataset.pending !== 'true') return;
  var typing = false;
  document.addEventListener('input', function () { typing = true; });
  var timer = setInterval(function () {
    if (typing) return;
    fetch(location.pathname, { credentials: 'same-origin' }).then(function (r) { return r.ok ? r.text() : null; }).then(function (html) {
      if (!html) return;
      var fresh = new DOMParser().parseFromString(html, 'text/html');
      document.querySelectorAll('[data-live]').forEach(function (el) {
        var next = fresh.getElementById(el.id);
        if (next) el.innerHTML = next.innerHTML;
      });
      if (fresh.body.dataset.pending !== 'true') clearInterval(timer);
    }).catch(function () {});
  }, 2500);
})();
