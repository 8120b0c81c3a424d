"""What the screens and the printed pages both draw with: the bundled font, the words in
each language (Qt translations and locale), and charts. Qt, but no screen: the kiosk's
windows (kiosk/ui) and its printing (handoff, report, the command line) import it, never
the other way round.
"""
