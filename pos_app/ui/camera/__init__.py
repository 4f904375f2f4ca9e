"""Reading the customer's QR code (or a card's barcode) with a camera instead of a scanner.

``frames`` has the picture sources (a camera, or still pictures for tests and the demo),
``v4l2`` the Linux camera itself, ``qt_multimedia`` the Windows and macOS camera (Qt
Multimedia with the system's own backend), ``reader`` the decoder that runs off the GUI thread
(zxing-cpp) and the lock against reading the same code twice, ``workers`` their threads
(ended before Python is), ``view`` the camera view (preview, viewfinder, what to do), and
``home`` where the view sits on the counter's screen. A code read goes into the scan
field and is searched as if a scanner had typed it.

Nothing here is imported before the window is painted: the camera and the decoder load
when the camera view is first opened (tests/test_startup.py checks it).
"""
