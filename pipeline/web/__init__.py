"""The web pages (`kommunkoll serve`): FastAPI, Jinja templates, server-drawn SVG, no CDN."""
