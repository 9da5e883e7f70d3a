import App

print("ampwise \(AmpwiseVersion.current)")
