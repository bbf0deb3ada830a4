from kommunkoll.pipeline.launch import main

main()
