"""`python -m helpgen`: the same command as the `helpgen` console script."""
from .cli import main

main()
