// Embeds of the default theme. A YouTube embed is a local placeholder: nothing is requested from
// YouTube until the reader clicks it; then the placeholder becomes a youtube-nocookie.com player.
(function () {
  'use strict';
  document.addEventListener('click', function (event) {
    var link = event.target.closest && event.target.closest('a[data-youtube-id]');
    if (!link) {
      return;
    }
    var id = link.getAttribute('data-youtube-id');
    if (!/^[A-Za-z0-9_-]{11}$/.test(id)) {
      return;
    }
    event.preventDefault();
    var start = link.getAttribute('data-start');
    var frame = document.createElement('iframe');
    frame.src = 'https://www.youtube-nocookie.com/embed/' + id + '?autoplay=1' +
      (/^\d+$/.test(start || '') ? '&start=' + start : '');
    frame.title = link.getAttribute('data-title') || 'YouTube';
    frame.className = 'embed-youtube-frame';
    frame.allow = 'autoplay; encrypted-media; picture-in-picture; fullscreen';
    frame.referrerPolicy = 'strict-origin-when-cross-origin';
    link.replaceWith(frame);
  });
})();
