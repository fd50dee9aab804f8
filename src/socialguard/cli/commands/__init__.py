"""One module per subcommand. Each defines ``NAME``, ``HELP``, ``add_arguments(parser)``
and ``run(args, io) -> int``; main.py discovers them, so a new command is a new file."""
