from hipaalint.cli import main

main()
