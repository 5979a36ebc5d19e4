"""What contributors are told at file:line beyond the schemas: markup that could run script,
hyperlinks and anchors that lead nowhere, and template values left to fill in."""
