from kommunkoll.pipeline.cli import main

main()
