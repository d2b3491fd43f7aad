print("articled")
