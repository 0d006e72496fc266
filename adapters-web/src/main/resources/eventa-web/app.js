// eventa's web app: everything works without this script; it keeps the page live and tidy.
(function () {
  "use strict";

  // A mailed link's token has done its job once the page is shown: keep it out of the address bar and history.
  if (/[?&]token=/.test(location.search)) {
    history.replaceState(null, "", location.pathname);
  }

  // Forms someone is typing in are never thrown away by a live refresh; nor is a form shown again
  // with a refusal or a clash (form_state.jte puts those inside the form): it holds what was typed.
  document.querySelectorAll("form #conflict, form .alert[role=alert]").forEach(function (shown) {
    shown.closest("form").dataset.dirty = "true";
  });
  document.addEventListener("input", function (e) {
    var form = e.target.closest && e.target.closest("form");
    if (form) { form.dataset.dirty = "true"; }
  });

  // While a form is being sent: say so, and do not let a second click send it twice.
  document.addEventListener("submit", function (e) {
    var form = e.target;
    if (e.defaultPrevented || form.hasAttribute("hx-post")) { return; } // htmx sends it and swaps it
    if (form.getAttribute("aria-busy") === "true") { e.preventDefault(); return; }
    form.setAttribute("aria-busy", "true");
    setTimeout(function () { form.removeAttribute("aria-busy"); }, 8000);
  });

  var eventId = document.body.dataset.live;
  var state = document.getElementById("live-state");
  if (!eventId || !window.WebSocket) { return; }

  function busy(region) {
    if (region.querySelector("form[data-dirty]")) { return true; }
    var active = document.activeElement;
    return active && region.contains(active) && /^(INPUT|TEXTAREA|SELECT)$/.test(active.tagName) && active.type !== "submit";
  }

  // A page being left (a form sent, a link followed) is neither refreshed nor reloaded: the change
  // that form made must not bring back, or reload, the page it came from instead of its answer.
  var leaving = 0;
  window.addEventListener("beforeunload", function () { leaving = Date.now(); });
  window.addEventListener("pageshow", function () { leaving = 0; });
  function left() { return Date.now() - leaving < 10000; }
  function reload() {
    if (!left()) { location.reload(); }
  }

  var refreshing = false, again = false, timer = null;
  function refresh() {
    if (left()) { return; }
    if (refreshing) { again = true; return; }
    refreshing = true;
    fetch(location.href, { credentials: "same-origin", headers: { "X-Eventa-Refresh": "1" } })
      .then(function (response) {
        if (left()) { return null; }
        if (!response.ok || response.redirected) { reload(); return null; }
        return response.text();
      })
      .then(function (html) {
        if (html === null || leaving) { return; }
        var fresh = new DOMParser().parseFromString(html, "text/html");
        document.querySelectorAll("[data-refresh]").forEach(function (region) {
          var next = fresh.getElementById(region.id);
          if (next && !busy(region) && next.innerHTML !== region.innerHTML) {
            // a button or link the person was on keeps the focus in the fresh region (found by its id)
            var focused = region.contains(document.activeElement) ? document.activeElement.id : "";
            region.replaceWith(next);
            if (window.htmx) { window.htmx.process(next); }
            var again = focused && document.getElementById(focused);
            if (again) { again.focus({ preventScroll: true }); }
          }
        });
        var badge = fresh.querySelector(".account"), mine = document.querySelector(".account");
        if (badge && mine && !mine.contains(document.activeElement)) { mine.innerHTML = badge.innerHTML; }
        document.body.dataset.refreshed = String(Date.now());
      })
      .catch(function () { /* the socket's reconnect brings the next try */ })
      .finally(function () {
        refreshing = false;
        if (again) { again = false; refresh(); }
      });
  }
  function soon() {
    clearTimeout(timer);
    timer = setTimeout(refresh, 80);
  }

  var attempts = 0, socket = null, pinger = null, wasConnected = false;
  function connect() {
    var scheme = location.protocol === "https:" ? "wss:" : "ws:";
    socket = new WebSocket(scheme + "//" + location.host + "/api/v1/ws");
    socket.onopen = function () {
      attempts = 0;
      socket.send(JSON.stringify({ type: "subscribe", event_id: eventId }));
      pinger = setInterval(function () { socket.send('{"type":"ping"}'); }, 25000);
    };
    socket.onmessage = function (message) {
      var frame = JSON.parse(message.data);
      if (frame.type === "subscribed") {
        document.body.dataset.liveConnected = "true";
        if (state) { state.textContent = ""; }
        if (wasConnected) { soon(); }
        wasConnected = true;
      } else if (frame.type === "change" || frame.type === "presence" || frame.type === "resync") {
        if (frame.type === "resync") { socket.send(JSON.stringify({ type: "subscribe", event_id: eventId })); }
        soon();
      } else if (frame.type === "revoked") {
        reload();
      }
    };
    socket.onclose = function (closed) {
      clearInterval(pinger);
      document.body.dataset.liveConnected = "false";
      if (closed.code === 4401 || closed.code === 1008) { reload(); return; }
      if (state) { state.textContent = "Reconnecting…"; }
      attempts++;
      setTimeout(connect, Math.min(30000, 500 * Math.pow(2, attempts)) * Math.random());
    };
  }
  connect();
})();
