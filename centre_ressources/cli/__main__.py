"""`python -m centre_ressources.cli`, as the console script."""

from centre_ressources.cli.main import main

raise SystemExit(main())
