"""Pictures drawn from the data at build time, as HTML and SVG: actor map, timeline, phase
cycle, QR code."""
