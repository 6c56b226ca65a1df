from irgroups.cli import main

main()
