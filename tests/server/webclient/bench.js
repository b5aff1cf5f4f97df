// Benchmark hook for the seed's web client (index.html, client.js); not part of the seed. It does
// nothing unless the page is opened as /web/?bench=<beacon URL>, which tests/benchmarks/bench_web.py
// does in headless Chromium to time this client against the desktop app:
//   - "form": once the login form is on screen and client.js has run (the form works), a POST to
//     <beacon URL>form. The driver stops its clock on receiving it, sums the PSS of Chromium's
//     processes, and only then answers, so nothing below runs while it measures.
//   - "profile" (with &user=...&password=...): the form is filled in and submitted through the
//     seed's own submit handler; when the profile it shows has been painted, a POST to
//     <beacon URL>profile with the milliseconds from submit to that frame.
(function () {
    'use strict';
    const params = new URLSearchParams(window.location.search);
    const beacon = params.get('bench');
    if (!beacon)
        return;
    const scriptAt = performance.now(); // client.js has run: the form's handler is attached

    // No CORS needed: a "simple" POST whose answer the page never reads. It resolves once the
    // driver answered.
    const send = (name, data) => fetch(beacon + name, {
        method: 'POST', mode: 'no-cors', body: JSON.stringify(data)
    });
    // requestAnimationFrame runs just before the next frame; a task queued from it runs after it.
    const afterNextFrame = (callback) => requestAnimationFrame(() => setTimeout(callback, 0));

    function signIn() {
        const user = params.get('user');
        if (!user)
            return;
        const profile = document.getElementById('profile-section');
        let submitted = 0;
        new MutationObserver((records, observer) => {
            if (profile.style.display !== 'block')
                return;
            observer.disconnect();
            afterNextFrame(() => send('profile', {ms: performance.now() - submitted}));
        }).observe(profile, {attributes: true, attributeFilter: ['style']});
        document.getElementById('username').value = user;
        document.getElementById('password').value = params.get('password') || '';
        submitted = performance.now();
        document.getElementById('login-form').requestSubmit();
    }

    function formPainted(fcp, how) {
        send('form', {fcp: fcp, script: scriptAt, at: performance.now(), how: how})
            .then(signIn, signIn);
    }

    // First contentful paint: the heading and the form are all the page shows. The entry is
    // reported once that frame was presented. If it came before client.js had run (the form was
    // drawn but did nothing yet), wait for the next frame instead.
    new PerformanceObserver((list, observer) => {
        for (const entry of list.getEntries()) {
            if (entry.name !== 'first-contentful-paint')
                continue;
            observer.disconnect();
            if (entry.startTime >= scriptAt)
                formPainted(entry.startTime, 'fcp');
            else
                afterNextFrame(() => formPainted(entry.startTime, 'next-frame'));
            return;
        }
    }).observe({type: 'paint', buffered: true});
})();
