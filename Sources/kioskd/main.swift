import KioskApp

print("kioskd \(KioskVersion.current)")
