import sys

from socialguard.cli.main import main

sys.exit(main())
