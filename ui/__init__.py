"""App-side helpers: cached data loading and the render_* building blocks the pages share."""
