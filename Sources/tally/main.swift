import TallyCore
print("tally")
