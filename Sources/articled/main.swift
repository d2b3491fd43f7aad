import ArgumentParser

Articled.main()
