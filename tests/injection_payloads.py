"""Link and image payloads for the injection sweeps (AppTest and browser): one list for both."""

HOST = "attacker.example"
PAYLOADS = {
    "link": f"[Session expired: sign in](http://{HOST}/a)",
    "image": f"![i](http://{HOST}/x.png)",
    "bare": f"http://{HOST}/b",
    "www": f"www.{HOST}",
    "html-link": f"<a href=http://{HOST}/h>x</a>",
    "html-link-quoted": f'<a href="http://{HOST}/q">x</a>',  # plotly.js makes this a link
    "html-image": f"<img src=http://{HOST}/y.png>",
}
