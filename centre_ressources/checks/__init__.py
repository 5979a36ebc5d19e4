"""What contributors are told at file:line beyond the schemas: markup outside the allowlist,
nesting and raw HTML that Markdown cannot read, characters that cannot be written, files from
other hosts, hyperlinks and anchors that lead nowhere, and template values left to fill in."""
