<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>Something went wrong</source>
        <translation>Etwas ist schiefgelaufen</translation>
    </message>
    <message>
        <source>The app met an unexpected problem. The last action may not have finished; nothing was sent twice. If it happens again, tell your IT contact.</source>
        <translation>Die App hatte ein unerwartetes Problem. Die letzte Aktion ist vielleicht nicht abgeschlossen; nichts wurde doppelt gesendet. Wenn es wieder passiert, wenden Sie sich an Ihre IT-Betreuung.</translation>
    </message>
    <message>
        <source>DEMO — nothing here is real: a built-in simulator stands in for Piggy, Giftoin and Nudj. Scan {card} to start.</source>
        <translation>DEMO – hier ist nichts echt: Ein eingebauter Simulator ersetzt Piggy, Giftoin und Nudj. Scannen Sie {card}, um zu beginnen.</translation>
    </message>
    <message>
        <source>Simulated faults are on (see the guide).</source>
        <translation>Simulierte Störungen sind aktiv (siehe Anleitung).</translation>
    </message>
    <message>
        <source>Demo guide</source>
        <translation>Demo-Anleitung</translation>
    </message>
    <message>
        <source>Demo cards, emails, staff PINs and simulated faults</source>
        <translation>Demo-Karten, E-Mails, Personal-PINs und simulierte Störungen</translation>
    </message>
    <message>
        <source>Customer&apos;s mailbox</source>
        <translation>Kundenpostfach</translation>
    </message>
    <message>
        <source>Demo only: the email the simulated customer received.</source>
        <translation>Nur Demo: die E-Mail, die im simulierten Kundenpostfach angekommen ist.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>about 30 rewards to pick up: fresh, expiring today, this week, expired, without expiry, with and without pictures. Giftoin collections and Nudj rewards beside them; the email gets a login code (Customer&apos;s mailbox).</source>
        <translation>rund 30 Prämien zur Abholung: neu, heute ablaufend, diese Woche ablaufend, abgelaufen, ohne Ablaufdatum, mit und ohne Bilder. Daneben Giftoin-Sammlungen und Nudj-Prämien; die E-Mail-Adresse erhält einen Anmeldecode (Kundenpostfach).</translation>
    </message>
    <message>
        <source>no rewards, no tier, not in Giftoin or Nudj.</source>
        <translation>keine Prämien, keine Stufe, nicht bei Giftoin oder Nudj.</translation>
    </message>
    <message>
        <source>1,000 rewards to pick up (a long list); Giftoin and Nudj.</source>
        <translation>1.000 Prämien zur Abholung (eine lange Liste); Giftoin und Nudj.</translation>
    </message>
    <message>
        <source>no card, found by email only; three rewards. Giftoin does not know their Discord id; not in Nudj.</source>
        <translation>keine Karte, nur per E-Mail zu finden; drei Prämien. Giftoin kennt die Discord-ID nicht; nicht bei Nudj.</translation>
    </message>
    <message>
        <source>a card that belongs to nobody: the counter says it is not linked.</source>
        <translation>eine Karte, die niemandem gehört: Die Kasse meldet, dass sie nicht verknüpft ist.</translation>
    </message>
    <message>
        <source>a lost card that was blocked: the counter says it cannot be used.</source>
        <translation>eine verlorene, gesperrte Karte: Die Kasse meldet, dass sie nicht verwendet werden kann.</translation>
    </message>
    <message>
        <source>signing in to Piggy</source>
        <translation>Anmeldung bei Piggy</translation>
    </message>
    <message>
        <source>looking up a scanned card</source>
        <translation>Suche nach einer gescannten Karte</translation>
    </message>
    <message>
        <source>finding a customer by email</source>
        <translation>Kundensuche per E-Mail</translation>
    </message>
    <message>
        <source>sending the email login code</source>
        <translation>Senden des E-Mail-Anmeldecodes</translation>
    </message>
    <message>
        <source>checking the email login code</source>
        <translation>Prüfen des E-Mail-Anmeldecodes</translation>
    </message>
    <message>
        <source>loading the shop&apos;s name</source>
        <translation>Laden des Filialnamens</translation>
    </message>
    <message>
        <source>loading a customer&apos;s rewards</source>
        <translation>Laden der Prämien eines Kundenkontos</translation>
    </message>
    <message>
        <source>handing a reward over</source>
        <translation>Übergabe einer Prämie</translation>
    </message>
    <message>
        <source>reversing a pickup</source>
        <translation>Stornieren einer Abholung</translation>
    </message>
    <message>
        <source>loading Giftoin collections</source>
        <translation>Laden der Giftoin-Sammlungen</translation>
    </message>
    <message>
        <source>loading Giftoin collectibles</source>
        <translation>Laden der Giftoin-Sammelobjekte</translation>
    </message>
    <message>
        <source>loading Nudj rewards</source>
        <translation>Laden der Nudj-Prämien</translation>
    </message>
    <message>
        <source>loading the customer&apos;s Nudj points</source>
        <translation>Laden der Nudj-Punkte</translation>
    </message>
    <message>
        <source>loading pictures</source>
        <translation>Laden der Bilder</translation>
    </message>
    <message>
        <source>every call</source>
        <translation>jeder Aufruf</translation>
    </message>
    <message>
        <source>{what}: misbehaves</source>
        <translation>{what}: macht Probleme</translation>
    </message>
    <message>
        <source>answers late (about {ms} ms)</source>
        <translation>antwortet spät (ca. {ms} ms)</translation>
    </message>
    <message>
        <source>fails with a server error ({status})</source>
        <translation>scheitert mit einem Serverfehler ({status})</translation>
    </message>
    <message>
        <source>says too many requests, try again later</source>
        <translation>meldet zu viele Anfragen, später erneut versuchen</translation>
    </message>
    <message>
        <source>is down for maintenance</source>
        <translation>ist wegen Wartung nicht erreichbar</translation>
    </message>
    <message>
        <source>sends an answer that cannot be read</source>
        <translation>sendet eine unlesbare Antwort</translation>
    </message>
    <message>
        <source>hangs up without answering</source>
        <translation>bricht ohne Antwort ab</translation>
    </message>
    <message>
        <source>sends its answer very slowly</source>
        <translation>sendet die Antwort sehr langsam</translation>
    </message>
    <message>
        <source>never answers (the counter gives up waiting)</source>
        <translation>antwortet nie (die Kasse hört auf zu warten)</translation>
    </message>
    <message>
        <source>does it, but the answer is lost on the way: the counter cannot know it happened</source>
        <translation>führt es aus, aber die Antwort geht unterwegs verloren: Die Kasse kann nicht wissen, dass es geschehen ist</translation>
    </message>
    <message>
        <source>waits until it is released</source>
        <translation>wartet, bis es freigegeben wird</translation>
    </message>
    <message>
        <source>{what}: {how}</source>
        <translation>{what}: {how}</translation>
    </message>
    <message numerus="yes">
        <source>(the next %n call(s))</source>
        <translation>
            <numerusform>(der nächste %n Aufruf)</numerusform>
            <numerusform>(die nächsten %n Aufrufe)</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing here is real: a built-in simulator stands in for Piggy, Giftoin and Nudj. Scan or type a card, or type an email, in the scan field.</source>
        <translation>Hier ist nichts echt: Ein eingebauter Simulator ersetzt Piggy, Giftoin und Nudj. Scannen oder tippen Sie eine Karte oder tippen Sie eine E-Mail-Adresse in das Scanfeld.</translation>
    </message>
    <message>
        <source>Demo customers</source>
        <translation>Demo-Kunden</translation>
    </message>
    <message>
        <source>Demo staff</source>
        <translation>Demo-Personal</translation>
    </message>
    <message>
        <source>{name} ({role}): PIN {pin}</source>
        <translation>{name} ({role}): PIN {pin}</translation>
    </message>
    <message>
        <source>Simulated faults</source>
        <translation>Simulierte Störungen</translation>
    </message>
    <message>
        <source>None: every service answers at once. Start with --fault to try a bad day, e.g. --fault piggy.collect=timeout.</source>
        <translation>Keine: Jeder Dienst antwortet sofort. Starten Sie mit --fault, um einen schlechten Tag auszuprobieren, z. B. --fault piggy.collect=timeout.</translation>
    </message>
    <message>
        <source>No email has been sent to {email} yet.</source>
        <translation>An {email} wurde noch keine E-Mail gesendet.</translation>
    </message>
    <message>
        <source>Demo only — the email {email} received says: your login code is {code}.</source>
        <translation>Nur Demo – die E-Mail an {email} lautet: Ihr Anmeldecode ist {code}.</translation>
    </message>
    <message>
        <source>Scan the customer&apos;s card to see the rewards waiting for pickup.</source>
        <translation>Scannen Sie die Kundenkarte, um die Prämien zur Abholung zu sehen.</translation>
    </message>
    <message>
        <source>Nothing to pick up for this customer.</source>
        <extracomment>A progress answer that arrives while the rewards list is still loading waits up to this long, so the list is laid out and painted first; a slow list does not hide the panel. One task key per program: a Retry replaces only its own section&apos;s load.</extracomment>
        <translation>Keine Prämien zur Abholung.</translation>
    </message>
    <message>
        <source>Hand over</source>
        <extracomment>The whole run, from start to exit; then the watchdog ends the process. How long one step may wait for the window (a lookup, a picture, a hand-over). Names in the order a person expects them, whatever the language: what the file dialogs&apos; sorting (ICU&apos;s collation) gives; without ICU&apos;s data &quot;Äpfel&quot; goes last. A 1×1 GIF: Qt can read GIF but not write it. What the dynamic linker says when the PC has no CUPS client library at all.</extracomment>
        <translation>Übergeben</translation>
    </message>
    <message>
        <source>Hand over every reward that can go (Ctrl+Enter)</source>
        <translation>Alle übergebbaren Prämien übergeben (Strg+Enter)</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Clear the screen for the next customer</source>
        <translation>Bildschirm für die nächste Abholung leeren</translation>
    </message>
    <message>
        <source>Loading the rewards…</source>
        <translation>Prämien werden geladen…</translation>
    </message>
    <message numerus="yes">
        <source>Hand over all (%n)</source>
        <translation>
            <numerusform>Alle übergeben (%n)</numerusform>
            <numerusform>Alle übergeben (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>{n} rewards selected</source>
        <translation>{n} Prämien ausgewählt</translation>
    </message>
    <message>
        <source>Undoing the hand-over…</source>
        <extracomment>The task key of the hand-over: one at a time per counter.</extracomment>
        <translation>Übergabe wird rückgängig gemacht…</translation>
    </message>
    <message>
        <source>Scan, or type and Enter</source>
        <translation>Scannen oder tippen und Enter</translation>
    </message>
    <message>
        <source>Find the customer (card, QR, email, slip code)</source>
        <translation>Kundensuche (Karte, QR, E-Mail, Belegcode)</translation>
    </message>
    <message>
        <source>Enter on a reward</source>
        <translation>Enter auf einer Prämie</translation>
    </message>
    <message>
        <source>Hand it over (Enter again to confirm)</source>
        <translation>Übergeben (erneut Enter zum Bestätigen)</translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation>Strg+Enter</translation>
    </message>
    <message>
        <source>Hand over all rewards that can go</source>
        <translation>Alle übergebbaren Prämien übergeben</translation>
    </message>
    <message>
        <source>Ctrl+A</source>
        <translation>Strg+A</translation>
    </message>
    <message>
        <source>Select every reward in the list</source>
        <translation>Alle Prämien der Liste auswählen</translation>
    </message>
    <message>
        <source>Ctrl+F</source>
        <translation>Strg+F</translation>
    </message>
    <message>
        <source>Filter a long list (Escape empties it)</source>
        <translation>Lange Liste filtern (Esc leert den Filter)</translation>
    </message>
    <message>
        <source>Ctrl+L or F6</source>
        <translation>Strg+L oder F6</translation>
    </message>
    <message>
        <source>Back to the scan field</source>
        <translation>Zurück zum Scanfeld</translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation>Strg+R</translation>
    </message>
    <message>
        <source>Recent pickups (managers reverse there)</source>
        <translation>Letzte Abholungen (dort storniert die Filialleitung)</translation>
    </message>
    <message>
        <source>Ctrl+T</source>
        <translation>Strg+T</translation>
    </message>
    <message>
        <source>To prepare: rewards claimed for pickup here</source>
        <translation>Bereitstellen: hier abzuholende eingelöste Prämien</translation>
    </message>
    <message>
        <source>Escape</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Cancel the email code; back to the scan field</source>
        <translation>E-Mail-Code abbrechen; zurück zum Scanfeld</translation>
    </message>
    <message>
        <source>Read the customer&apos;s QR code or card with the camera (Escape closes it)</source>
        <translation>QR-Code oder Karte des Kunden mit der Kamera lesen (Esc schließt sie)</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <source>This help</source>
        <translation>Diese Hilfe</translation>
    </message>
    <message>
        <source>Spend the customer&apos;s points on a shop reward; it joins their pickup list</source>
        <translation>Punkte für eine Prämie der Filiale einlösen; sie kommt zu den Prämien zur Abholung</translation>
    </message>
    <message>
        <source>Put it back for pickup, or refund the points (a manager&apos;s PIN)</source>
        <translation>Wieder zur Abholung oder Punkte erstatten (Leitungs-PIN)</translation>
    </message>
    <message>
        <source>Rewards claimed for pickup here; mark what is ready on the shelf</source>
        <translation>Hier zur Abholung eingelöste Prämien; markieren, was bereitliegt</translation>
    </message>
    <message>
        <source>Reverse… (Recent pickups)</source>
        <translation>Stornieren… (Letzte Abholungen)</translation>
    </message>
    <message>
        <source>To prepare (Ctrl+T)</source>
        <translation>Bereitstellen (Strg+T)</translation>
    </message>
    <message>
        <source>Expires today</source>
        <translation>Läuft heute ab</translation>
    </message>
    <message>
        <source>Orange: hand it over today or it is gone</source>
        <translation>Orange: heute übergeben, sonst verfällt sie</translation>
    </message>
    <message>
        <source>Expires in 3 days</source>
        <translation>Läuft in 3 Tagen ab</translation>
    </message>
    <message>
        <source>Amber within a week, grey later</source>
        <translation>Gelb innerhalb einer Woche, danach grau</translation>
    </message>
    <message>
        <source>Expired on …</source>
        <translation>Abgelaufen am …</translation>
    </message>
    <message>
        <source>Greyed out: it can no longer be handed over</source>
        <translation>Ausgegraut: kann nicht mehr übergeben werden</translation>
    </message>
    <message>
        <source>Digital</source>
        <translation>Digital</translation>
    </message>
    <message>
        <source>Received online: nothing to hand over at the counter</source>
        <translation>Online erhalten: an der Kasse nichts zu übergeben</translation>
    </message>
    <message>
        <source>Handing over…</source>
        <translation>Wird übergeben…</translation>
    </message>
    <message>
        <source>Sent to the loyalty service, waiting for its answer</source>
        <translation>An das Bonussystem gesendet, wartet auf Antwort</translation>
    </message>
    <message>
        <source>On the shelf</source>
        <translation>Liegt bereit</translation>
    </message>
    <message>
        <source>Staff put it ready on the shelf (To prepare)</source>
        <translation>Vom Personal ins Regal gelegt (Bereitstellen)</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Hilfe</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <source>Claims, returns, To prepare</source>
        <translation>Einlösen, Rückgaben, Bereitstellen</translation>
    </message>
    <message>
        <source>Badges on a reward</source>
        <translation>Abzeichen an einer Prämie</translation>
    </message>
    <message>
        <source>Sending the code…</source>
        <translation>Code wird gesendet…</translation>
    </message>
    <message>
        <source>Looking up the pickup…</source>
        <translation>Abholung wird gesucht…</translation>
    </message>
    <message>
        <source>Looking up the customer…</source>
        <translation>Kunde wird gesucht…</translation>
    </message>
    <message>
        <source>Checking the code…</source>
        <translation>Code wird geprüft…</translation>
    </message>
    <message>
        <source>On-screen keyboard</source>
        <extracomment>Rows of character keys, top to bottom (a QWERTY layout, as on phones). The smallest key (a fingertip; the kiosk&apos;s touch target is 44 px).</extracomment>
        <translation>Bildschirmtastatur</translation>
    </message>
    <message>
        <source>Delete the last character</source>
        <translation>Letztes Zeichen löschen</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Find the customer</source>
        <translation>Kunde suchen</translation>
    </message>
    <message>
        <source>Still there?</source>
        <extracomment>The smallest thing a finger is asked to hit, in pixels (Apple HIG / WCAG 2.5.5: 44×44). Kiosk fonts are this much larger than the desktop&apos;s. The last seconds of the idle time are counted down on screen. Holding the logo this long opens &quot;leave kiosk mode&quot;. Input that counts as someone using the counter. Mouse moves do not: a nudged mouse must not keep a customer&apos;s rewards on screen forever. Applied to the whole application in kiosk mode, dialogs included. Controls are sized by :class:`KioskLook` instead: a style sheet&apos;s min-height would also shrink the larger minimum sizes widgets ask for themselves (the PIN keypad&apos;s keys). Title-bar buttons a kiosk&apos;s dialogs do without: nothing to minimise or maximise on a locked screen, and a dialog&apos;s own Cancel / Close button is touch-sized. Controls a finger must hit; each is made at least TOUCH_TARGET wide and high.</extracomment>
        <translation>Noch da?</translation>
    </message>
    <message>
        <source>I&apos;m still here</source>
        <translation>Ich bin noch da</translation>
    </message>
    <message>
        <source>The screen is cleared in {n} s to keep this customer&apos;s rewards private. Touch anywhere to keep going.</source>
        <translation>Der Bildschirm wird in {n} s geleert, damit die angezeigten Prämien privat bleiben. Berühren Sie den Bildschirm, um fortzufahren.</translation>
    </message>
    <message>
        <source>Leave kiosk mode</source>
        <translation>Kioskmodus verlassen</translation>
    </message>
    <message>
        <source>Staff PINs cannot be checked on this counter right now, so kiosk mode cannot be left from here. Your IT contact can end the app from the operating system, as the kiosk set-up notes describe.</source>
        <translation>Personal-PINs können an dieser Kasse gerade nicht geprüft werden, daher lässt sich der Kioskmodus hier nicht verlassen. Ihre IT-Betreuung kann die App über das Betriebssystem beenden, wie in den Hinweisen zur Kiosk-Einrichtung beschrieben.</translation>
    </message>
    <message>
        <source>Leaving kiosk mode closes the app. It needs a manager&apos;s PIN.</source>
        <translation>Beim Verlassen des Kioskmodus wird die App geschlossen. Dafür ist eine Leitungs-PIN nötig.</translation>
    </message>
    <message>
        <source>A manager&apos;s PIN: to close the app, or to open Settings.</source>
        <translation>Eine Leitungs-PIN: um die App zu schließen oder die Einstellungen zu öffnen.</translation>
    </message>
    <message>
        <source>Close the app, or open this counter&apos;s Settings?</source>
        <translation>App schließen oder die Einstellungen dieser Kasse öffnen?</translation>
    </message>
    <message>
        <source>Close the app</source>
        <translation>App schließen</translation>
    </message>
    <message>
        <source>Open Settings</source>
        <translation>Einstellungen öffnen</translation>
    </message>
    <message>
        <source>Stay in kiosk mode</source>
        <translation>Im Kioskmodus bleiben</translation>
    </message>
    <message>
        <source>Logo (hold to leave kiosk mode)</source>
        <translation>Logo (gedrückt halten, um den Kioskmodus zu verlassen)</translation>
    </message>
    <message>
        <source>Scan your loyalty card or QR code</source>
        <extracomment>Bar widths in units; gaps of one unit between them.</extracomment>
        <translation>Scannen Sie Ihre Kundenkarte oder Ihren QR-Code</translation>
    </message>
    <message>
        <source>Hold it under the scanner. Your rewards waiting for pickup appear here.</source>
        <translation>Halten Sie sie unter den Scanner. Ihre Prämien zur Abholung erscheinen hier.</translation>
    </message>
    <message>
        <source>Hold it under the scanner or up to the camera. Your rewards waiting for pickup appear here.</source>
        <translation>Halten Sie sie unter den Scanner oder vor die Kamera. Ihre Prämien zur Abholung erscheinen hier.</translation>
    </message>
    <message>
        <source>Staff: find a customer by email</source>
        <translation>Personal: Kunde per E-Mail suchen</translation>
    </message>
    <message>
        <source>Show this screen in {language}</source>
        <translation>Diesen Bildschirm anzeigen in: {language}</translation>
    </message>
    <message>
        <source>Undo the last hand-over</source>
        <translation>Letzte Übergabe rückgängig machen</translation>
    </message>
    <message>
        <source>Print slip</source>
        <translation>Beleg drucken</translation>
    </message>
    <message>
        <source>Undo ({n} s)</source>
        <translation>Rückgängig ({n} s)</translation>
    </message>
    <message>
        <source>To prepare</source>
        <translation>Bereitstellen</translation>
    </message>
    <message>
        <source>Recent pickups</source>
        <translation>Letzte Abholungen</translation>
    </message>
    <message>
        <source>Back to the counter</source>
        <translation>Zurück zur Kasse</translation>
    </message>
    <message>
        <source>Type the customer&apos;s email</source>
        <extracomment>How long the scan field shows green (found) or red (not found) after a scan. Kiosk only: a touch keyboard under the field while the field has the focus. Set while a scanner types into the hidden field of the kiosk. What the last search was for: anything else in the field is being typed now.</extracomment>
        <translation>E-Mail-Adresse des Kunden eingeben</translation>
    </message>
    <message>
        <source>Scan a loyalty card or QR code, or type an email</source>
        <translation>Kundenkarte oder QR-Code scannen oder E-Mail eingeben</translation>
    </message>
    <message>
        <source>Customer&apos;s email</source>
        <translation>Kunden-E-Mail</translation>
    </message>
    <message>
        <source>Loyalty card, QR code or email</source>
        <translation>Kundenkarte, QR-Code oder E-Mail</translation>
    </message>
    <message>
        <source>Pickups at this counter; managers reverse here</source>
        <translation>Abholungen an dieser Kasse; hier storniert die Filialleitung</translation>
    </message>
    <message>
        <source>Settings</source>
        <extracomment>True once settings were saved: the app starts the counter again after closing.</extracomment>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Settings (manager PIN)</source>
        <translation>Einstellungen (Leitungs-PIN)</translation>
    </message>
    <message>
        <source>Settings need a manager&apos;s PIN.</source>
        <translation>Für die Einstellungen ist eine Leitungs-PIN nötig.</translation>
    </message>
    <message>
        <source>Settings need a manager&apos;s PIN, and staff PINs cannot be checked on this counter right now. Ask your IT contact.</source>
        <translation>Für die Einstellungen ist eine Leitungs-PIN nötig, und Personal-PINs können an dieser Kasse gerade nicht geprüft werden. Wenden Sie sich an Ihre IT-Betreuung.</translation>
    </message>
    <message>
        <source>Signed out after a quiet spell. Sign in again to hand rewards over.</source>
        <translation>Nach einer Pause ohne Eingabe abgemeldet. Melden Sie sich erneut an, um Prämien zu übergeben.</translation>
    </message>
    <message>
        <source>under a minute</source>
        <translation>unter 1 Min.</translation>
    </message>
    <message>
        <source>{n} min</source>
        <translation>{n} Min.</translation>
    </message>
    <message>
        <source>{n} h</source>
        <translation>{n} Std.</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n Tg.</numerusform>
            <numerusform>%n Tg.</numerusform>
        </translation>
    </message>
    <message>
        <source>Shop journal not in use on this counter — ask your IT contact</source>
        <translation>Filialprotokoll an dieser Kasse nicht in Betrieb – wenden Sie sich an Ihre IT-Betreuung</translation>
    </message>
    <message>
        <source>Shop journal: copying stopped, this counter&apos;s journal differs — ask your IT contact</source>
        <translation>Filialprotokoll: Kopieren angehalten, das Protokoll dieser Kasse weicht ab – wenden Sie sich an Ihre IT-Betreuung</translation>
    </message>
    <message>
        <source>Shop journal refused this counter&apos;s login — ask your IT contact</source>
        <translation>Filialprotokoll lehnt die Anmeldung dieser Kasse ab – wenden Sie sich an Ihre IT-Betreuung</translation>
    </message>
    <message numerus="yes">
        <source>Shop journal refused this counter&apos;s login — %n pickup(s) waiting to be copied; ask your IT contact</source>
        <translation>
            <numerusform>Filialprotokoll lehnt die Anmeldung dieser Kasse ab – %n Abholung wartet aufs Kopieren; wenden Sie sich an Ihre IT-Betreuung</numerusform>
            <numerusform>Filialprotokoll lehnt die Anmeldung dieser Kasse ab – %n Abholungen warten aufs Kopieren; wenden Sie sich an Ihre IT-Betreuung</numerusform>
        </translation>
    </message>
    <message>
        <source>Shop journal unreachable — nothing waiting to be copied</source>
        <translation>Filialprotokoll nicht erreichbar – nichts wartet aufs Kopieren</translation>
    </message>
    <message>
        <source>Shop journal up to date</source>
        <translation>Filialprotokoll aktuell</translation>
    </message>
    <message numerus="yes">
        <source>Shop journal unreachable — %n pickup(s) waiting to be copied, oldest {age}</source>
        <translation>
            <numerusform>Filialprotokoll nicht erreichbar – %n Abholung wartet aufs Kopieren, seit {age}</numerusform>
            <numerusform>Filialprotokoll nicht erreichbar – %n Abholungen warten aufs Kopieren, die älteste seit {age}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Shop journal: %n pickup(s) waiting to be copied, oldest {age}</source>
        <translation>
            <numerusform>Filialprotokoll: %n Abholung wartet aufs Kopieren, seit {age}</numerusform>
            <numerusform>Filialprotokoll: %n Abholungen warten aufs Kopieren, die älteste seit {age}</numerusform>
        </translation>
    </message>
    <message>
        <source>Connecting…</source>
        <extracomment>Enough for the start of a message.</extracomment>
        <translation>Verbindung wird hergestellt…</translation>
    </message>
    <message>
        <source>Sign in</source>
        <extracomment>Input that counts as someone working at the counter.</extracomment>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Leave kiosk…</source>
        <translation>Kiosk verlassen…</translation>
    </message>
    <message>
        <source>Leave kiosk mode or open Settings (manager PIN)</source>
        <translation>Kioskmodus verlassen oder Einstellungen öffnen (Leitungs-PIN)</translation>
    </message>
    <message>
        <source>A manager&apos;s PIN, then: close the app, open Settings, or stay.</source>
        <translation>Mit Leitungs-PIN, danach: App schließen, Einstellungen öffnen oder bleiben.</translation>
    </message>
    <message>
        <source>Leave kiosk (closes the app)</source>
        <translation>Kiosk verlassen (schließt die App)</translation>
    </message>
    <message>
        <source>Leave kiosk mode and close the app (manager PIN)</source>
        <translation>Kioskmodus verlassen und App schließen (Leitungs-PIN)</translation>
    </message>
    <message>
        <source>A manager&apos;s PIN closes the app; start it again for the next customer.</source>
        <translation>Eine Leitungs-PIN schließt die App; starten Sie sie danach für die nächste Abholung neu.</translation>
    </message>
    <message>
        <source>Counter: {name}</source>
        <translation>Kasse: {name}</translation>
    </message>
    <message>
        <source>This counter&apos;s hand-overs and reversals are copied to the shop journal, so that every counter of the shop can find and reverse them. While it cannot be reached, this counter works on as usual and catches up by itself.</source>
        <translation>Die Übergaben und Stornierungen dieser Kasse werden ins Filialprotokoll kopiert, damit jede Kasse der Filiale sie finden und stornieren kann. Ist es nicht erreichbar, arbeitet diese Kasse normal weiter und holt das Kopieren von selbst nach.</translation>
    </message>
    <message>
        <source>Nudj found none of the last {n} customers (by {source}): check the set-up.</source>
        <translation>Nudj hat keinen der letzten {n} Kunden gefunden (über {source}): Einrichtung prüfen.</translation>
    </message>
    <message>
        <source>The Nudj id sent for a customer (setting nudj_user_id_source) matched no Nudj user for the last {n} customers. A manager checks it in Settings, under Giftoin and Nudj.</source>
        <translation>Die für einen Kunden gesendete Nudj-ID (Einstellung nudj_user_id_source) passte bei den letzten {n} Kunden zu keinem Nudj-Konto. Die Filialleitung prüft das in den Einstellungen unter „Giftoin und Nudj“.</translation>
    </message>
    <message>
        <source>{name} · sign out</source>
        <translation>{name} · abmelden</translation>
    </message>
    <message>
        <source>{title} handed over to {name}.</source>
        <translation>{title} an {name} übergeben.</translation>
    </message>
    <message numerus="yes">
        <source>%n rewards handed over to {name}.</source>
        <translation>
            <numerusform>%n Prämie an {name} übergeben.</numerusform>
            <numerusform>%n Prämien an {name} übergeben.</numerusform>
        </translation>
    </message>
    <message>
        <source>Collected: {titles}. The earlier attempt went through after all: hand it over now.</source>
        <translation>Erfasst: {titles}. Der frühere Versuch war doch erfolgreich: Jetzt übergeben.</translation>
    </message>
    <message>
        <source>The journal could not record this (is the disk full?). Tell the store manager; the app records it as soon as it can.</source>
        <translation>Das Protokoll konnte dies nicht speichern (ist die Festplatte voll?). Informieren Sie die Filialleitung; die App speichert es, sobald sie kann.</translation>
    </message>
    <message>
        <source>{name}: {outcome}</source>
        <translation>{name}: {outcome}</translation>
    </message>
    <message>
        <source>No slip was printed: another customer is on screen.</source>
        <translation>Kein Beleg gedruckt: Es wird bereits ein anderes Kundenkonto angezeigt.</translation>
    </message>
    <message>
        <source>Undone: {title} is back on {name}&apos;s list.</source>
        <translation>Rückgängig: {title} ist wieder auf der Liste von {name}.</translation>
    </message>
    <message numerus="yes">
        <source>Undone: %n rewards are back on {name}&apos;s list.</source>
        <translation>
            <numerusform>Rückgängig: %n Prämie ist wieder auf der Liste von {name}.</numerusform>
            <numerusform>Rückgängig: %n Prämien sind wieder auf der Liste von {name}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Only {name} can undo this hand-over here; a manager can reverse it in Recent pickups.</source>
        <translation>Nur {name} kann diese Übergabe hier rückgängig machen; die Filialleitung kann sie unter „Letzte Abholungen“ stornieren.</translation>
    </message>
    <message>
        <source>whoever made it</source>
        <translation>die übergebende Person</translation>
    </message>
    <message>
        <source>Too late to undo here: a manager reverses it in Recent pickups.</source>
        <translation>Zu spät zum Rückgängigmachen: Die Filialleitung storniert sie unter „Letzte Abholungen“.</translation>
    </message>
    <message numerus="yes">
        <source>Handing over… waiting for the loyalty service (%n s)</source>
        <translation>
            <numerusform>Wird übergeben… wartet auf das Bonussystem (%n s)</numerusform>
            <numerusform>Wird übergeben… wartet auf das Bonussystem (%n s)</numerusform>
        </translation>
    </message>
    <message>
        <source>{title}: already picked up (perhaps at another counter).</source>
        <translation>{title}: bereits abgeholt (vielleicht an einer anderen Kasse).</translation>
    </message>
    <message>
        <source>{title}: expired on {date}; it cannot be handed over.</source>
        <translation>{title}: am {date} abgelaufen; kann nicht übergeben werden.</translation>
    </message>
    <message>
        <source>{title}: expired; it cannot be handed over.</source>
        <translation>{title}: abgelaufen; kann nicht übergeben werden.</translation>
    </message>
    <message>
        <source>{title}: not handed over. The journal cannot be written (is the disk full?), so nothing was sent. Tell the store manager.</source>
        <translation>{title}: nicht übergeben. Das Protokoll kann nicht geschrieben werden (ist die Festplatte voll?), daher wurde nichts gesendet. Informieren Sie die Filialleitung.</translation>
    </message>
    <message>
        <source>{title}: no answer from the loyalty service in time, so it is not known whether the hand-over was recorded. Keep the item until the app has checked; it checks by itself every 30 seconds and says what it finds.</source>
        <translation>{title}: keine rechtzeitige Antwort vom Bonussystem, daher ist unklar, ob die Übergabe erfasst wurde. Behalten Sie den Artikel, bis die App es geprüft hat; sie prüft alle 30 Sekunden selbst und meldet das Ergebnis.</translation>
    </message>
    <message>
        <source>{title}: not handed over. {reason}</source>
        <translation>{title}: nicht übergeben. {reason}</translation>
    </message>
    <message>
        <source>Hand-over is not available.</source>
        <translation>Übergabe ist nicht verfügbar.</translation>
    </message>
    <message>
        <source>Not handed over: hand-overs are held until a manager acknowledges the journal check above.</source>
        <translation>Nicht übergeben: Übergaben sind angehalten, bis die Filialleitung die Protokollprüfung oben bestätigt.</translation>
    </message>
    <message>
        <source>Not handed over: a digital reward reaches the customer online; there is nothing to hand over at the counter.</source>
        <translation>Nicht übergeben: Eine digitale Prämie kommt online an; an der Kasse gibt es nichts zu übergeben.</translation>
    </message>
    <message>
        <source>Staff hand rewards over: sign in with your PIN.</source>
        <translation>Prämien übergibt das Personal: Melden Sie sich mit Ihrer PIN an.</translation>
    </message>
    <message>
        <source>Sign in to hand rewards over.</source>
        <translation>Melden Sie sich an, um Prämien zu übergeben.</translation>
    </message>
    <message>
        <source>Staff PINs cannot be checked on this counter.</source>
        <translation>Personal-PINs können an dieser Kasse nicht geprüft werden.</translation>
    </message>
    <message>
        <source>handed over at another counter: {titles}</source>
        <translation>an einer anderen Kasse übergeben: {titles}</translation>
    </message>
    <message>
        <source>recorded as handed over: {titles}</source>
        <translation>als übergeben erfasst: {titles}</translation>
    </message>
    <message>
        <source>not handed over (still waiting): {titles}</source>
        <translation>nicht übergeben (wartet noch): {titles}</translation>
    </message>
    <message>
        <source>Earlier unfinished hand-overs were checked — {outcomes}.</source>
        <translation>Frühere unvollständige Übergaben wurden geprüft – {outcomes}.</translation>
    </message>
    <message>
        <source>If an item was kept back meanwhile, give it to the customer.</source>
        <translation>Wurde ein Artikel zwischenzeitlich zurückbehalten, händigen Sie ihn jetzt aus.</translation>
    </message>
    <message numerus="yes">
        <source>%n pickup operation(s) waiting to be checked</source>
        <translation>
            <numerusform>%n Abholvorgang wartet auf Prüfung</numerusform>
            <numerusform>%n Abholvorgänge warten auf Prüfung</numerusform>
        </translation>
    </message>
    <message>
        <source>Pickup {ref}: {title}, {when} at {counter}. {state}.</source>
        <translation>Abholung {ref}: {title}, {when}, Kasse {counter}. {state}.</translation>
    </message>
    <message>
        <source>No pickup {ref} was made at this counter.</source>
        <translation>An dieser Kasse gab es keine Abholung {ref}.</translation>
    </message>
    <message>
        <source>No pickup {ref} was made at this counter, and the shop&apos;s other counters cannot be asked right now (the shop journal cannot be reached).</source>
        <translation>An dieser Kasse gab es keine Abholung {ref}, und die anderen Kassen der Filiale können gerade nicht gefragt werden (das Filialprotokoll ist nicht erreichbar).</translation>
    </message>
    <message>
        <source>unknown shop {uuid}</source>
        <translation>unbekannte Filiale {uuid}</translation>
    </message>
    <message>
        <source>no shop chosen</source>
        <translation>keine Filiale gewählt</translation>
    </message>
    <message>
        <source>Connected to Piggy · {shop}</source>
        <translation>Mit Piggy verbunden · {shop}</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <extracomment>Checks a PIN: ``(profile picked, or None for &quot;any manager&quot;, pin) -&gt; PinCheck``.</extracomment>
        <translation>{minutes} Min.</translation>
    </message>
    <message>
        <source>{hours} h</source>
        <translation>{hours} Std.</translation>
    </message>
    <message>
        <source>{hours} h {minutes} min</source>
        <translation>{hours} Std. {minutes} Min.</translation>
    </message>
    <message>
        <source>{seconds} s</source>
        <translation>{seconds} Sek.</translation>
    </message>
    <message>
        <source>{minutes} min {seconds} s</source>
        <translation>{minutes} Min. {seconds} Sek.</translation>
    </message>
    <message>
        <source>Too many wrong PINs: manager approval is locked for another {duration}.</source>
        <translation>Zu viele falsche PINs: Die Freigabe durch die Filialleitung ist noch {duration} gesperrt.</translation>
    </message>
    <message>
        <source>Too many wrong PINs: locked for another {duration}. A manager can give you a new PIN.</source>
        <translation>Zu viele falsche PINs: noch {duration} gesperrt. Die Filialleitung kann Ihnen eine neue PIN geben.</translation>
    </message>
    <message>
        <source>Wrong PIN.</source>
        <translation>Falsche PIN.</translation>
    </message>
    <message numerus="yes">
        <source>Wrong PIN. After %n more wrong PIN(s), manager PINs are locked for {duration}.</source>
        <translation>
            <numerusform>Falsche PIN. Nach %n weiteren Fehlversuch sind die Leitungs-PINs für {duration} gesperrt.</numerusform>
            <numerusform>Falsche PIN. Nach %n weiteren Fehlversuchen sind die Leitungs-PINs für {duration} gesperrt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrong PIN. After %n more wrong PIN(s), this profile is locked for {duration}.</source>
        <translation>
            <numerusform>Falsche PIN. Nach %n weiteren Fehlversuch ist dieses Profil für {duration} gesperrt.</numerusform>
            <numerusform>Falsche PIN. Nach %n weiteren Fehlversuchen ist dieses Profil für {duration} gesperrt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Locked after too many wrong PINs. Try again later.</source>
        <translation>Nach zu vielen falschen PINs gesperrt. Versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>This profile is no longer active. Ask a manager.</source>
        <translation>Dieses Profil ist nicht mehr aktiv. Wenden Sie sich an die Filialleitung.</translation>
    </message>
    <message>
        <source>This PIN belongs to more than one manager, so it cannot say who approved. One of them needs a new PIN (Staff).</source>
        <translation>Diese PIN gehört mehreren Personen der Filialleitung, daher ist nicht erkennbar, wer freigegeben hat. Eine von ihnen braucht eine neue PIN (Personal).</translation>
    </message>
    <message>
        <source>Pick your name and type your PIN.</source>
        <translation>Wählen Sie Ihren Namen und geben Sie Ihre PIN ein.</translation>
    </message>
    <message>
        <source>The pickup journal is missing: the copy of its end kept beside it says it had {expected} rows. A new, empty journal was started.</source>
        <translation>Das Abholprotokoll fehlt: Laut der daneben gespeicherten Kopie seines Endes hatte es {expected} Zeilen. Ein neues, leeres Protokoll wurde begonnen.</translation>
    </message>
    <message>
        <source>The pickup journal was emptied: the copy of its end kept beside it says it had {expected} rows. A new, empty journal was started.</source>
        <translation>Das Abholprotokoll wurde geleert: Laut der daneben gespeicherten Kopie seines Endes hatte es {expected} Zeilen. Ein neues, leeres Protokoll wurde begonnen.</translation>
    </message>
    <message>
        <source>The pickup journal is shorter than it was: it has {rows} rows, but the copy of its end kept beside it says {expected}, so the last {missing} rows are missing.</source>
        <translation>Das Abholprotokoll ist kürzer als zuvor: Es hat {rows} Zeilen, laut der daneben gespeicherten Kopie seines Endes aber {expected}; die letzten {missing} Zeilen fehlen also.</translation>
    </message>
    <message>
        <source>The pickup journal is not the one this counter wrote: its rows do not match the copy of its end kept beside it ({rows} rows, the copy says {expected}). It was replaced by another file, or rewritten.</source>
        <translation>Das Abholprotokoll ist nicht das, das diese Kasse geschrieben hat: Seine Zeilen passen nicht zur daneben gespeicherten Kopie seines Endes ({rows} Zeilen, laut Kopie {expected}). Es wurde durch eine andere Datei ersetzt oder neu geschrieben.</translation>
    </message>
    <message>
        <source>The copy of the pickup journal&apos;s end, kept beside it, cannot be read, so it cannot be told whether pickups are missing from the journal.</source>
        <translation>Die daneben gespeicherte Kopie des Protokollendes kann nicht gelesen werden, daher lässt sich nicht feststellen, ob Abholungen im Protokoll fehlen.</translation>
    </message>
    <message>
        <source>Handed over</source>
        <translation>Übergeben</translation>
    </message>
    <message>
        <source>Reversed</source>
        <translation>Storniert</translation>
    </message>
    <message>
        <source>Reversal being checked</source>
        <translation>Stornierung wird geprüft</translation>
    </message>
    <message>
        <source>Not handed over</source>
        <translation>Nicht übergeben</translation>
    </message>
    <message>
        <source>Points refunded</source>
        <translation>Punkte erstattet</translation>
    </message>
    <message>
        <source>Refund being checked</source>
        <translation>Erstattung wird geprüft</translation>
    </message>
    <message>
        <source>Being checked</source>
        <translation>Wird geprüft</translation>
    </message>
    <message>
        <source>The loyalty service refused the refund (code {code}).</source>
        <translation>Das Bonussystem hat die Erstattung abgelehnt (Code {code}).</translation>
    </message>
    <message>
        <source>the reward</source>
        <translation>die Prämie</translation>
    </message>
    <message>
        <source>Points refunded: {title}.</source>
        <translation>Punkte erstattet: {title}.</translation>
    </message>
    <message>
        <source>Points refunded: {points} points for {title}.</source>
        <translation>Punkte erstattet: {points} Punkte für {title}.</translation>
    </message>
    <message>
        <source>The customer now has {points} Piggy points.</source>
        <translation>Das Kundenkonto hat jetzt {points} Piggy-Punkte.</translation>
    </message>
    <message>
        <source>The points of {title} were refunded already. Nothing was changed.</source>
        <translation>Die Punkte für {title} wurden bereits erstattet. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>The points of {title} cannot be refunded now: it was not handed over, or its reversal is still being checked.</source>
        <translation>Die Punkte für {title} können jetzt nicht erstattet werden: Die Prämie wurde nicht übergeben, oder ihre Stornierung wird noch geprüft.</translation>
    </message>
    <message>
        <source>{title} was picked up again after it was put back: refund the points of that later pickup. Nothing was changed.</source>
        <translation>{title} wurde nach der Stornierung erneut abgeholt: Erstatten Sie die Punkte dieser späteren Abholung. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>{title}: no answer from the loyalty service, so it is not known whether the points were refunded. The app checks by itself when the connection is back; until then they cannot be refunded again.</source>
        <translation>{title}: keine Antwort vom Bonussystem, daher ist unklar, ob die Punkte erstattet wurden. Die App prüft das selbst, sobald die Verbindung wieder steht; bis dahin können sie nicht erneut erstattet werden.</translation>
    </message>
    <message>
        <source>{title} is back in the customer&apos;s rewards to pick up.</source>
        <translation>{title} liegt wieder zur Abholung bereit.</translation>
    </message>
    <message>
        <source>{title} is back in the customer&apos;s rewards to pick up, but its points were not refunded. {reason} Choose Reverse… again to refund them.</source>
        <translation>{title} liegt wieder zur Abholung bereit, die Punkte wurden aber nicht erstattet. {reason} Wählen Sie erneut „Stornieren…“, um sie zu erstatten.</translation>
    </message>
    <message>
        <source>{title}: points not refunded. {detail}</source>
        <translation>{title}: Punkte nicht erstattet. {detail}</translation>
    </message>
    <message>
        <source>{title}: points not refunded. {reason}</source>
        <translation>{title}: Punkte nicht erstattet. {reason}</translation>
    </message>
    <message>
        <source>points refunded: {titles}</source>
        <translation>Punkte erstattet: {titles}</translation>
    </message>
    <message>
        <source>points not refunded: {titles}</source>
        <translation>Punkte nicht erstattet: {titles}</translation>
    </message>
    <message>
        <source>Earlier unfinished refunds were checked — {outcomes}.</source>
        <translation>Frühere unvollständige Erstattungen wurden geprüft – {outcomes}.</translation>
    </message>
    <message>
        <source>Reversed: {title}. It is back in the customer&apos;s rewards to pick up.</source>
        <translation>Storniert: {title}. Die Prämie liegt wieder zur Abholung bereit.</translation>
    </message>
    <message>
        <source>The loyalty service says {title} was already reversed (perhaps in the Piggy dashboard). Nothing was changed.</source>
        <translation>Laut Bonussystem wurde {title} bereits storniert (vielleicht im Piggy-Dashboard). Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>{title} was already reversed on {when} ({reason}, {staff}).</source>
        <translation>{title} wurde bereits am {when} storniert ({reason}, {staff}).</translation>
    </message>
    <message>
        <source>{title} was already reversed.</source>
        <translation>{title} wurde bereits storniert.</translation>
    </message>
    <message>
        <source>The loyalty service does not know this pickup of {title}, so it cannot be reversed from here. Check the customer in the Piggy dashboard.</source>
        <translation>Das Bonussystem kennt diese Abholung ({title}) nicht, daher kann sie hier nicht storniert werden. Prüfen Sie das Kundenkonto im Piggy-Dashboard.</translation>
    </message>
    <message>
        <source>{title} cannot be reversed from this app: its hand-over was confirmed later by a check, which cannot learn the code a reversal needs. A manager can reverse it in the Piggy dashboard.</source>
        <translation>{title} kann in dieser App nicht storniert werden: Die Übergabe wurde erst später durch eine Prüfung bestätigt, die den für eine Stornierung nötigen Code nicht erfährt. Die Filialleitung kann sie im Piggy-Dashboard stornieren.</translation>
    </message>
    <message>
        <source>Only a reward that was handed over can be reversed; {title} was not (or its outcome is still being checked).</source>
        <translation>Nur eine übergebene Prämie kann storniert werden; {title} wurde nicht übergeben (oder das Ergebnis wird noch geprüft).</translation>
    </message>
    <message>
        <source>{title}: no answer from the loyalty service, so it is not known whether the reversal was recorded. The app checks by itself when the connection is back; until then this pickup cannot be reversed again.</source>
        <translation>{title}: keine Antwort vom Bonussystem, daher ist unklar, ob die Stornierung erfasst wurde. Die App prüft das selbst, sobald die Verbindung wieder steht; bis dahin kann diese Abholung nicht erneut storniert werden.</translation>
    </message>
    <message>
        <source>{title}: not reversed. {reason}</source>
        <translation>{title}: nicht storniert. {reason}</translation>
    </message>
    <message>
        <source>reversed: {titles}</source>
        <translation>storniert: {titles}</translation>
    </message>
    <message>
        <source>not reversed (still handed over): {titles}</source>
        <translation>nicht storniert (weiterhin übergeben): {titles}</translation>
    </message>
    <message>
        <source>Earlier unfinished reversals were checked — {outcomes}.</source>
        <translation>Frühere unvollständige Stornierungen wurden geprüft – {outcomes}.</translation>
    </message>
    <message>
        <source>Staff…</source>
        <extracomment>Task key of the running staff management: one at a time.</extracomment>
        <translation>Personal…</translation>
    </message>
    <message>
        <source>Staff management (manager PIN)</source>
        <translation>Personalverwaltung (Leitungs-PIN)</translation>
    </message>
    <message>
        <source>Add, rename or deactivate staff and change PINs (a manager&apos;s PIN is asked)</source>
        <translation>Personal hinzufügen, umbenennen oder deaktivieren und PINs ändern (mit Leitungs-PIN)</translation>
    </message>
    <message>
        <source>The staff list cannot be opened on this counter. Ask your IT contact.</source>
        <translation>Die Personalliste kann an dieser Kasse nicht geöffnet werden. Wenden Sie sich an Ihre IT-Betreuung.</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Filialleitung</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>Kassenkraft</translation>
    </message>
    <message>
        <source>Someone else already has this name. Add a surname or an initial.</source>
        <translation>Diesen Namen gibt es schon. Ergänzen Sie einen Nachnamen oder eine Initiale.</translation>
    </message>
    <message>
        <source>This is the last manager: nobody could manage staff any more. Make someone else a manager first.</source>
        <translation>Das ist die letzte Person mit Leitungsrolle: Danach könnte niemand mehr das Personal verwalten. Machen Sie zuerst eine andere Person zur Filialleitung.</translation>
    </message>
    <message>
        <source>Choose another PIN.</source>
        <translation>Wählen Sie eine andere PIN.</translation>
    </message>
    <message>
        <source>A manager&apos;s PIN has {min} to {max} digits.</source>
        <translation>Eine Leitungs-PIN hat {min} bis {max} Ziffern.</translation>
    </message>
    <message>
        <source>A PIN has {min} to {max} digits.</source>
        <translation>Eine PIN hat {min} bis {max} Ziffern.</translation>
    </message>
    <message>
        <source>Type a name of at most 40 characters.</source>
        <translation>Geben Sie einen Namen mit höchstens 40 Zeichen ein.</translation>
    </message>
    <message>
        <source>This person is no longer in the staff list.</source>
        <translation>Diese Person ist nicht mehr in der Personalliste.</translation>
    </message>
    <message>
        <source>The staff list cannot be read or saved. Ask your IT contact.</source>
        <translation>Die Personalliste kann nicht gelesen oder gespeichert werden. Wenden Sie sich an Ihre IT-Betreuung.</translation>
    </message>
    <message>
        <source>This profile is deactivated.</source>
        <translation>Dieses Profil ist deaktiviert.</translation>
    </message>
    <message>
        <source>Something went wrong. Try again.</source>
        <translation>Etwas ist schiefgelaufen. Versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Manager approval</source>
        <translation>Freigabe durch Filialleitung</translation>
    </message>
    <message>
        <source>A manager types their PIN to continue.</source>
        <translation>Die Filialleitung gibt ihre PIN ein, um fortzufahren.</translation>
    </message>
    <message>
        <source>Your manager PIN is shorter than a manager&apos;s PIN may be now: choose a new one of {min} to {max} digits.</source>
        <translation>Ihre Leitungs-PIN ist kürzer als jetzt erlaubt: Wählen Sie eine neue mit {min} bis {max} Ziffern.</translation>
    </message>
    <message>
        <source>Managing staff needs a manager&apos;s PIN.</source>
        <translation>Für die Personalverwaltung ist eine Leitungs-PIN nötig.</translation>
    </message>
    <message>
        <source>in a moment</source>
        <translation>gleich</translation>
    </message>
    <message>
        <source>in {n} seconds</source>
        <translation>in {n} Sekunden</translation>
    </message>
    <message>
        <source>in {n} minutes</source>
        <translation>in {n} Minuten</translation>
    </message>
    <message>
        <source>This card is not linked to a customer yet. Ask the customer to link it in the app, or look them up by email.</source>
        <translation>Diese Karte ist noch mit keinem Kundenkonto verknüpft. Bitten Sie die Person, sie in der App zu verknüpfen, oder suchen Sie per E-Mail.</translation>
    </message>
    <message>
        <source>Unknown card. Scan it again, or look the customer up by email.</source>
        <translation>Unbekannte Karte. Scannen Sie sie erneut oder suchen Sie per E-Mail.</translation>
    </message>
    <message>
        <source>This card is blocked (reported lost or replaced). Ask for the customer&apos;s current card or their email.</source>
        <translation>Diese Karte ist gesperrt (als verloren gemeldet oder ersetzt). Fragen Sie nach der aktuellen Karte oder der E-Mail-Adresse.</translation>
    </message>
    <message>
        <source>No customer with this email address. Check the spelling with the customer.</source>
        <translation>Kein Kundenkonto mit dieser E-Mail-Adresse. Prüfen Sie die Schreibweise gemeinsam mit der Person.</translation>
    </message>
    <message>
        <source>That code is not right. Ask the customer to read it again from the email.</source>
        <translation>Dieser Code stimmt nicht. Bitten Sie die Person, ihn noch einmal aus der E-Mail vorzulesen.</translation>
    </message>
    <message>
        <source>Email codes are not set up for this shop, so the customer cannot be checked by email. Scan their card instead.</source>
        <translation>E-Mail-Codes sind für diese Filiale nicht eingerichtet, daher ist keine Prüfung per E-Mail möglich. Scannen Sie stattdessen die Karte.</translation>
    </message>
    <message>
        <source>The loyalty service did not answer in time. Try again.</source>
        <translation>Das Bonussystem hat nicht rechtzeitig geantwortet. Versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>No connection to the loyalty service. Check the network and try again.</source>
        <translation>Keine Verbindung zum Bonussystem. Prüfen Sie das Netzwerk und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The loyalty service refused this counter&apos;s key. Ask a manager to open Settings and connect Piggy again.</source>
        <translation>Das Bonussystem hat den Schlüssel dieser Kasse abgelehnt. Die Filialleitung muss in den Einstellungen Piggy neu verbinden.</translation>
    </message>
    <message>
        <source>This counter is not allowed to do that. Ask your IT contact.</source>
        <translation>Diese Kasse darf das nicht. Wenden Sie sich an Ihre IT-Betreuung.</translation>
    </message>
    <message>
        <source>The loyalty service is in maintenance. Try again {wait}.</source>
        <translation>Das Bonussystem wird gewartet. Versuchen Sie es {wait} erneut.</translation>
    </message>
    <message>
        <source>Too many requests right now. Try again {wait}.</source>
        <translation>Gerade zu viele Anfragen. Versuchen Sie es {wait} erneut.</translation>
    </message>
    <message>
        <source>The loyalty service sent an answer the app does not understand. Try again.</source>
        <translation>Das Bonussystem hat eine Antwort gesendet, die die App nicht versteht. Versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The loyalty service had a problem. Try again in a moment.</source>
        <translation>Das Bonussystem hatte ein Problem. Versuchen Sie es gleich erneut.</translation>
    </message>
    <message>
        <source>In order</source>
        <translation>In Ordnung</translation>
    </message>
    <message>
        <source>Check this</source>
        <translation>Bitte prüfen</translation>
    </message>
    <message>
        <source>Not working</source>
        <translation>Funktioniert nicht</translation>
    </message>
    <message>
        <source>Not checked</source>
        <translation>Nicht geprüft</translation>
    </message>
    <message>
        <source>Check this counter</source>
        <translation>Diese Kasse prüfen</translation>
    </message>
    <message>
        <source>Checks the settings, the keys and every program with the settings saved now. With a customer&apos;s card it also looks them up, lists their rewards and asks Giftoin and Nudj, and changes nothing.</source>
        <translation>Prüft die Einstellungen, die Schlüssel und jedes Programm mit den jetzt gespeicherten Einstellungen. Mit einer Kundenkarte sucht es zusätzlich das Kundenkonto, listet dessen Prämien auf und fragt Giftoin und Nudj ab – ohne etwas zu ändern.</translation>
    </message>
    <message>
        <source>A customer&apos;s card (optional)</source>
        <translation>Eine Kundenkarte (optional)</translation>
    </message>
    <message>
        <source>A customer&apos;s card, for the live check</source>
        <translation>Eine Kundenkarte für die Live-Prüfung</translation>
    </message>
    <message>
        <source>Check now</source>
        <translation>Jetzt prüfen</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Prüfen</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Wird geprüft…</translation>
    </message>
    <message>
        <source>Next: {step}</source>
        <translation>Weiter: {step}</translation>
    </message>
    <message numerus="yes">
        <source>%n check(s) not working.</source>
        <translation>
            <numerusform>%n Prüfung mit Fehler.</numerusform>
            <numerusform>%n Prüfungen mit Fehler.</numerusform>
        </translation>
    </message>
    <message>
        <source>Everything needed is in order.</source>
        <translation>Alles Nötige ist in Ordnung.</translation>
    </message>
    <message>
        <source>Set up more counters</source>
        <translation>Weitere Kassen einrichten</translation>
    </message>
    <message>
        <source>Export this counter&apos;s settings to a file and import it on the next counter. The file holds no keys or tokens: the next counter asks for them. Its name and data folder stay its own.</source>
        <translation>Exportieren Sie die Einstellungen dieser Kasse in eine Datei und importieren Sie sie an der nächsten Kasse. Die Datei enthält keine Schlüssel oder Tokens: Die nächste Kasse fragt danach. Name und Datenordner der Kasse bleiben ihre eigenen.</translation>
    </message>
    <message>
        <source>Export to a file…</source>
        <translation>In Datei exportieren…</translation>
    </message>
    <message>
        <source>Import from a file…</source>
        <translation>Aus Datei importieren…</translation>
    </message>
    <message>
        <source>In kiosk mode no files are opened: export and import on a counter that is not a kiosk, or ask your IT contact.</source>
        <translation>Im Kioskmodus werden keine Dateien geöffnet: Exportieren und importieren Sie an einer Kasse, die kein Kiosk ist, oder wenden Sie sich an Ihre IT-Betreuung.</translation>
    </message>
    <message>
        <source>Export the settings</source>
        <extracomment>Set after an import: the settings file changed, the counter must start again.</extracomment>
        <translation>Einstellungen exportieren</translation>
    </message>
    <message>
        <source>Import settings</source>
        <translation>Einstellungen importieren</translation>
    </message>
    <message>
        <source>Could not write {path}: {error}</source>
        <translation>{path} konnte nicht geschrieben werden: {error}</translation>
    </message>
    <message>
        <source>Exported to {path}. It holds no keys or tokens.</source>
        <translation>Nach {path} exportiert. Die Datei enthält keine Schlüssel oder Tokens.</translation>
    </message>
    <message>
        <source>This file cannot be imported: {reason}</source>
        <translation>Diese Datei kann nicht importiert werden: {reason}</translation>
    </message>
    <message>
        <source>Could not import {path}: {error}</source>
        <translation>{path} konnte nicht importiert werden: {error}</translation>
    </message>
    <message>
        <source>Imported. The counter starts again with these settings when Settings closes.</source>
        <translation>Importiert. Die Kasse startet mit diesen Einstellungen neu, wenn die Einstellungen geschlossen werden.</translation>
    </message>
    <message>
        <source>Still needed here: {names}. Paste them on their pages.</source>
        <translation>Hier noch nötig: {names}. Fügen Sie sie auf den jeweiligen Seiten ein.</translation>
    </message>
    <message>
        <source>This counter</source>
        <translation>Diese Kasse</translation>
    </message>
    <message>
        <source>How this counter works, and where its slips print. All of it can be changed in Settings later.</source>
        <translation>Wie diese Kasse arbeitet und wo ihre Belege gedruckt werden. Alles lässt sich später in den Einstellungen ändern.</translation>
    </message>
    <message>
        <source>Counter name</source>
        <translation>Kassenname</translation>
    </message>
    <message>
        <source>Pickup slip after a hand-over</source>
        <translation>Abholbeleg nach einer Übergabe</translation>
    </message>
    <message>
        <source>Offer one (print, PDF or none)</source>
        <translation>Anbieten (Druck, PDF oder keiner)</translation>
    </message>
    <message>
        <source>Always print one</source>
        <translation>Immer drucken</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source>Pickup slip</source>
        <translation>Abholbeleg</translation>
    </message>
    <message>
        <source>Staff sign in with their name and PIN</source>
        <translation>Personal meldet sich mit Name und PIN an</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Personal</translation>
    </message>
    <message>
        <source>Kiosk: full screen, leaving needs a manager&apos;s PIN</source>
        <translation>Kiosk: Vollbild, Verlassen nur mit Leitungs-PIN</translation>
    </message>
    <message>
        <source>Kiosk mode</source>
        <translation>Kioskmodus</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Seconds before a kiosk clears the customer</source>
        <translation>Sekunden, bis ein Kiosk die Kundenanzeige leert</translation>
    </message>
    <message>
        <source>Clear the customer after</source>
        <translation>Kundenanzeige leeren nach</translation>
    </message>
    <message>
        <source>Hide the mouse pointer (touch screens)</source>
        <translation>Mauszeiger ausblenden (Touchscreens)</translation>
    </message>
    <message>
        <source>Read QR codes with the camera on the home screen (no scanner)</source>
        <translation>QR-Codes mit der Kamera auf dem Startbildschirm lesen (kein Scanner)</translation>
    </message>
    <message>
        <source>Give this counter a name.</source>
        <translation>Geben Sie dieser Kasse einen Namen.</translation>
    </message>
    <message>
        <source>The first manager</source>
        <translation>Die erste Filialleitung</translation>
    </message>
    <message>
        <source>Managers approve reversals, manage staff and their PINs, and open Settings. Create the first one now; add more staff later.</source>
        <translation>Die Filialleitung gibt Stornierungen frei, verwaltet das Personal und dessen PINs und öffnet die Einstellungen. Legen Sie jetzt die erste Person an; weiteres Personal später.</translation>
    </message>
    <message>
        <source>Manager&apos;s name</source>
        <translation>Name der Filialleitung</translation>
    </message>
    <message>
        <source>Type the manager&apos;s name.</source>
        <translation>Geben Sie den Namen der Filialleitung ein.</translation>
    </message>
    <message>
        <source>More options</source>
        <translation>Weitere Optionen</translation>
    </message>
    <message>
        <source>Rarely changed. The defaults suit most shops.</source>
        <translation>Selten geändert. Die Standardwerte passen für die meisten Filialen.</translation>
    </message>
    <message>
        <source>A customer found by email reads out the code Piggy emails them</source>
        <translation>Bei Suche per E-Mail liest die Person den Code vor, den Piggy ihr mailt</translation>
    </message>
    <message>
        <source>Email look-ups</source>
        <translation>Suche per E-Mail</translation>
    </message>
    <message>
        <source>A short sound after each scan</source>
        <translation>Kurzer Ton nach jedem Scan</translation>
    </message>
    <message>
        <source>Scanning</source>
        <translation>Scannen</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Minutes without input before sign-out</source>
        <translation>Minuten ohne Eingabe bis zur Abmeldung</translation>
    </message>
    <message>
        <source>Sign staff out after</source>
        <translation>Personal abmelden nach</translation>
    </message>
    <message>
        <source>Seconds to wait for an answer</source>
        <translation>Sekunden Wartezeit auf eine Antwort</translation>
    </message>
    <message>
        <source>Wait for an answer</source>
        <translation>Wartezeit auf Antwort</translation>
    </message>
    <message>
        <source>Seconds before an unanswered hand-over counts as not done</source>
        <translation>Sekunden, bis eine unbeantwortete Übergabe als nicht erfolgt gilt</translation>
    </message>
    <message>
        <source>Unanswered hand-overs settle after</source>
        <translation>Frist für unbeantwortete Übergaben</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Datenordner</translation>
    </message>
    <message>
        <source>The data folder holds this counter&apos;s journal of pickups and its staff list; it is moved by your IT contact, never from here, so no pickup is left behind.</source>
        <translation>Im Datenordner liegen das Abholprotokoll und die Personalliste dieser Kasse. Er wird nur von Ihrer IT-Betreuung verschoben, nie von hier aus, damit keine Abholung verloren geht.</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>Show what was typed</source>
        <translation>Eingabe anzeigen</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Ausblenden</translation>
    </message>
    <message>
        <source>Stored on this computer; paste a new one to replace it</source>
        <translation>Auf diesem Computer gespeichert; fügen Sie einen neuen ein, um ihn zu ersetzen</translation>
    </message>
    <message>
        <source>Paste it here</source>
        <translation>Hier einfügen</translation>
    </message>
    <message>
        <source>Given to the app by the environment variable {name}</source>
        <translation>Über die Umgebungsvariable {name} an die App gegeben</translation>
    </message>
    <message>
        <source>No OS keyring on this computer: give it to the app in {name}</source>
        <translation>Kein Schlüsselbund des Systems auf diesem Computer: Geben Sie ihn der App über {name}</translation>
    </message>
    <message>
        <source>Another host…</source>
        <translation>Anderer Host…</translation>
    </message>
    <message>
        <source>Type the host&apos;s address.</source>
        <translation>Geben Sie die Adresse des Hosts ein.</translation>
    </message>
    <message>
        <source>Type the address in full, starting with https://</source>
        <translation>Geben Sie die vollständige Adresse ein, beginnend mit https://</translation>
    </message>
    <message>
        <source>This computer has no OS keyring, so the {what} cannot be kept safely here, and it is never written to a plain file. Start or unlock the keyring (Windows Credential Manager, macOS Keychain, GNOME Keyring or KWallet) and open this again, or give the app the {what} in the environment variable {variable} and start it again.</source>
        <translation>Dieser Computer hat keinen Schlüsselbund des Systems, daher kann der {what} hier nicht sicher aufbewahrt werden; in eine einfache Datei wird er nie geschrieben. Starten oder entsperren Sie den Schlüsselbund (Windows Credential Manager, macOS Keychain, GNOME Keyring oder KWallet) und öffnen Sie dies erneut, oder geben Sie der App den {what} über die Umgebungsvariable {variable} und starten Sie sie neu.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>The language of this counter&apos;s screens, slips and Nudj texts. It applies at once: the screens are made again in it.</source>
        <translation>Die Sprache der Bildschirme, Belege und Nudj-Texte dieser Kasse. Sie gilt sofort: Die Bildschirme werden in ihr neu aufgebaut.</translation>
    </message>
    <message>
        <source>Connect to Piggy</source>
        <extracomment>What to do, for a person at a terminal: commands and POS_APP_* variables allowed. The same next step in app words (no command lines), for a screen in the app; empty where ``next_step`` names nothing technical or there is nothing to do. The app&apos;s settings page for each component&apos;s settings, for ``app_step`` texts.</extracomment>
        <translation>Mit Piggy verbinden</translation>
    </message>
    <message>
        <source>Piggy (Leat) holds the customers and their rewards. Create a personal access token (or an API key) in Piggy&apos;s business dashboard and paste it here.</source>
        <translation>Piggy (Leat) verwaltet die Kundenkonten und ihre Prämien. Erstellen Sie im Business-Dashboard von Piggy einen Personal Access Token (oder einen API-Schlüssel) und fügen Sie ihn hier ein.</translation>
    </message>
    <message>
        <source>Piggy host</source>
        <translation>Piggy-Host</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Personal access token</source>
        <translation>Personal Access Token</translation>
    </message>
    <message>
        <source>OAuth client (client id and secret)</source>
        <translation>OAuth-Client (Client-ID und Secret)</translation>
    </message>
    <message>
        <source>Sign in with</source>
        <translation>Anmelden mit</translation>
    </message>
    <message>
        <source>Piggy personal access token</source>
        <translation>Piggy Personal Access Token</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Piggy client id</source>
        <translation>Piggy-Client-ID</translation>
    </message>
    <message>
        <source>Client id</source>
        <translation>Client-ID</translation>
    </message>
    <message>
        <source>Piggy client secret</source>
        <translation>Piggy-Client-Secret</translation>
    </message>
    <message>
        <source>Client secret</source>
        <translation>Client-Secret</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Testen</translation>
    </message>
    <message>
        <source>Test the connection to Piggy</source>
        <translation>Verbindung zu Piggy testen</translation>
    </message>
    <message>
        <source>Type the client id.</source>
        <extracomment>The access of the last test that passed; the page is complete while it holds. The access the counter has now (Settings): unchanged, it needs no new Test.</extracomment>
        <translation>Geben Sie die Client-ID ein.</translation>
    </message>
    <message>
        <source>Paste the client secret first.</source>
        <translation>Fügen Sie zuerst das Client-Secret ein.</translation>
    </message>
    <message>
        <source>Paste the token first.</source>
        <translation>Fügen Sie zuerst den Token ein.</translation>
    </message>
    <message>
        <source>Press Test first: the counter only goes on with a key that works.</source>
        <translation>Drücken Sie zuerst „Testen“: Die Kasse macht nur mit einem funktionierenden Schlüssel weiter.</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Wird getestet…</translation>
    </message>
    <message numerus="yes">
        <source>Connected: Piggy accepted the key and shows %n shop(s).</source>
        <translation>
            <numerusform>Verbunden: Piggy hat den Schlüssel angenommen und zeigt %n Filiale.</numerusform>
            <numerusform>Verbunden: Piggy hat den Schlüssel angenommen und zeigt %n Filialen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Piggy accepted the key, but it sees no shop. Give the key access to your shop in Piggy&apos;s dashboard, then test again.</source>
        <translation>Piggy hat den Schlüssel angenommen, sieht aber keine Filiale. Geben Sie dem Schlüssel im Piggy-Dashboard Zugriff auf Ihre Filiale und testen Sie erneut.</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(kein Name)</translation>
    </message>
    <message>
        <source>web shop</source>
        <translation>Onlineshop</translation>
    </message>
    <message>
        <source>shop</source>
        <translation>Filiale</translation>
    </message>
    <message>
        <source>Your shop</source>
        <translation>Ihre Filiale</translation>
    </message>
    <message>
        <source>Which shop is this counter in? Pickups are recorded for it.</source>
        <translation>In welcher Filiale steht diese Kasse? Abholungen werden für sie erfasst.</translation>
    </message>
    <message>
        <source>Shops</source>
        <translation>Filialen</translation>
    </message>
    <message>
        <source>Loading the shops…</source>
        <translation>Filialen werden geladen…</translation>
    </message>
    <message>
        <source>Piggy shows no shops for this key.</source>
        <translation>Piggy zeigt für diesen Schlüssel keine Filialen.</translation>
    </message>
    <message>
        <source>This is a web shop: pickups normally belong to a physical shop.</source>
        <translation>Das ist ein Onlineshop: Abholungen gehören normalerweise zu einer Filiale vor Ort.</translation>
    </message>
    <message>
        <source>Choose the shop.</source>
        <translation>Wählen Sie die Filiale.</translation>
    </message>
    <message>
        <source>{vendor} host</source>
        <extracomment>Platforms Giftoin&apos;s documentation names; others can be typed.</extracomment>
        <translation>{vendor}-Host</translation>
    </message>
    <message>
        <source>{vendor} key</source>
        <translation>{vendor}-Schlüssel</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Giftoin collection challenges</source>
        <extracomment>What the counter uses now (Settings): unchanged, it needs no new Check.</extracomment>
        <translation>Giftoin-Sammelaktionen</translation>
    </message>
    <message>
        <source>Giftoin platform</source>
        <translation>Giftoin-Plattform</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Plattform</translation>
    </message>
    <message>
        <source>Piggy attribute with the customer&apos;s platform id</source>
        <translation>Piggy-Attribut mit der Plattform-ID des Kunden</translation>
    </message>
    <message>
        <source>Id in Piggy attribute</source>
        <translation>ID im Piggy-Attribut</translation>
    </message>
    <message>
        <source>Nudj rewards and points</source>
        <translation>Nudj-Prämien und -Punkte</translation>
    </message>
    <message>
        <source>How Nudj knows the customer</source>
        <translation>Wie Nudj das Kundenkonto erkennt</translation>
    </message>
    <message>
        <source>Nudj knows customers by</source>
        <translation>Nudj erkennt Kunden an</translation>
    </message>
    <message>
        <source>their Piggy contact uuid</source>
        <translation>ihrer Piggy-Kontakt-UUID</translation>
    </message>
    <message>
        <source>their email address</source>
        <translation>ihrer E-Mail-Adresse</translation>
    </message>
    <message>
        <source>the Piggy attribute {name}</source>
        <translation>dem Piggy-Attribut {name}</translation>
    </message>
    <message>
        <source>Giftoin and Nudj (optional)</source>
        <translation>Giftoin und Nudj (optional)</translation>
    </message>
    <message>
        <source>The side panel can show a customer&apos;s Giftoin collection challenges and Nudj points. Scan a real customer&apos;s card to see whom each setting finds.</source>
        <translation>Die Seitenleiste kann Giftoin-Sammelaktionen und Nudj-Punkte eines Kundenkontos zeigen. Scannen Sie eine echte Kundenkarte, um zu sehen, wen jede Einstellung findet.</translation>
    </message>
    <message>
        <source>Scan or type a customer&apos;s card</source>
        <translation>Kundenkarte scannen oder eintippen</translation>
    </message>
    <message>
        <source>A customer&apos;s card, for the preview</source>
        <translation>Eine Kundenkarte für die Vorschau</translation>
    </message>
    <message>
        <source>Look up</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Off: its stored key is removed from this computer when this is saved.</source>
        <translation>Aus: Der gespeicherte Schlüssel wird beim Speichern von diesem Computer entfernt.</translation>
    </message>
    <message>
        <source>Check the keys and the mapping</source>
        <translation>Schlüssel und Zuordnung prüfen</translation>
    </message>
    <message>
        <source>Use this mapping anyway (this customer may have no account there)</source>
        <translation>Diese Zuordnung trotzdem verwenden (dieses Kundenkonto hat dort vielleicht kein Konto)</translation>
    </message>
    <message>
        <source>Press Check: a program that is on needs a key that works.</source>
        <translation>Drücken Sie „Prüfen“: Ein eingeschaltetes Programm braucht einen funktionierenden Schlüssel.</translation>
    </message>
    <message>
        <source>The mapping found this customer nowhere: change it, or tick “Use this mapping anyway”.</source>
        <translation>Die Zuordnung hat dieses Kundenkonto nirgends gefunden: Ändern Sie sie oder kreuzen Sie „Diese Zuordnung trotzdem verwenden“ an.</translation>
    </message>
    <message>
        <source>Scan or type a card first.</source>
        <translation>Scannen oder tippen Sie zuerst eine Karte.</translation>
    </message>
    <message>
        <source>Looking up…</source>
        <translation>Wird gesucht…</translation>
    </message>
    <message>
        <source>Found {name}. Press Check to see whom each program finds.</source>
        <translation>{name} gefunden. Drücken Sie „Prüfen“, um zu sehen, wen jedes Programm findet.</translation>
    </message>
    <message>
        <source>Paste the key first.</source>
        <translation>Fügen Sie zuerst den Schlüssel ein.</translation>
    </message>
    <message>
        <source>Scan a customer&apos;s card above to try the mapping.</source>
        <translation>Scannen Sie oben eine Kundenkarte, um die Zuordnung auszuprobieren.</translation>
    </message>
    <message>
        <source>Settings pages</source>
        <extracomment>The pages whose fields Save writes (the others only act).</extracomment>
        <translation>Einstellungsseiten</translation>
    </message>
    <message>
        <source>Save and restart the counter</source>
        <translation>Speichern und Kasse neu starten</translation>
    </message>
    <message>
        <source>The OS keyring refused to keep the keys, so nothing was saved. Start or unlock the keyring and save again.</source>
        <extracomment>Where the settings were written, once they were.</extracomment>
        <translation>Der Schlüsselbund des Systems hat die Schlüssel nicht angenommen, daher wurde nichts gespeichert. Starten oder entsperren Sie den Schlüsselbund und speichern Sie erneut.</translation>
    </message>
    <message>
        <source>The settings file {path} cannot be written ({error}). Nothing was saved.</source>
        <translation>Die Einstellungsdatei {path} kann nicht geschrieben werden ({error}). Es wurde nichts gespeichert.</translation>
    </message>
    <message>
        <source>Set up this counter</source>
        <extracomment>The result code of a wizard closed to come back in the language just chosen.</extracomment>
        <translation>Diese Kasse einrichten</translation>
    </message>
    <message>
        <source>Finish: start the counter</source>
        <translation>Fertigstellen: Kasse starten</translation>
    </message>
    <message>
        <source>Saving…</source>
        <extracomment>Where the settings were written, once they were.</extracomment>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <source>The OS keyring refused to keep the keys, so nothing was saved. Start or unlock the keyring and press Finish again.</source>
        <translation>Der Schlüsselbund des Systems hat die Schlüssel nicht angenommen, daher wurde nichts gespeichert. Starten oder entsperren Sie den Schlüsselbund und drücken Sie erneut „Fertigstellen“.</translation>
    </message>
    <message>
        <source>Staff PINs need the OS keyring, and this computer has none, so no manager can be created here. Start or unlock the keyring and open this again.</source>
        <translation>Personal-PINs brauchen den Schlüsselbund des Systems, und dieser Computer hat keinen; daher kann hier keine Filialleitung angelegt werden. Starten oder entsperren Sie den Schlüsselbund und öffnen Sie dies erneut.</translation>
    </message>
    <message>
        <source>The staff list cannot be opened. Ask your IT contact.</source>
        <translation>Die Personalliste kann nicht geöffnet werden. Wenden Sie sich an Ihre IT-Betreuung.</translation>
    </message>
    <message>
        <source>Connected: {vendor} accepted the key.</source>
        <translation>Verbunden: {vendor} hat den Schlüssel angenommen.</translation>
    </message>
    <message>
        <source>No connection to {vendor}. Check the host and this computer&apos;s network (a firewall or proxy may block it).</source>
        <translation>Keine Verbindung zu {vendor}. Prüfen Sie den Host und das Netzwerk dieses Computers (eine Firewall oder ein Proxy kann die Verbindung blockieren).</translation>
    </message>
    <message>
        <source>{vendor} did not answer in time. Check this computer&apos;s network, then try again.</source>
        <translation>{vendor} hat nicht rechtzeitig geantwortet. Prüfen Sie das Netzwerk dieses Computers und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>{vendor} rejected the key. Copy it again from {vendor}&apos;s dashboard: it may be mistyped, revoked, or for another host.</source>
        <translation>{vendor} hat den Schlüssel abgelehnt. Kopieren Sie ihn erneut aus dem Dashboard von {vendor}: Er ist vielleicht falsch eingegeben, widerrufen oder für einen anderen Host.</translation>
    </message>
    <message>
        <source>{vendor} accepted the key, but it may not be used for this. Give it the permission in {vendor}&apos;s dashboard, or create a key that has it.</source>
        <translation>{vendor} hat den Schlüssel angenommen, aber er darf dafür nicht verwendet werden. Erteilen Sie ihm die Berechtigung im Dashboard von {vendor} oder erstellen Sie einen Schlüssel mit dieser Berechtigung.</translation>
    </message>
    <message>
        <source>{vendor} is busy or in maintenance right now; the key was not rejected. Try again in a few minutes.</source>
        <translation>{vendor} ist gerade ausgelastet oder wird gewartet; der Schlüssel wurde nicht abgelehnt. Versuchen Sie es in ein paar Minuten erneut.</translation>
    </message>
    <message>
        <source>Something answered at this host, but not {vendor}. Check the host: it is the address of {vendor}&apos;s API, e.g. https://api.example.com.</source>
        <translation>Unter diesem Host hat etwas geantwortet, aber nicht {vendor}. Prüfen Sie den Host: Es ist die Adresse der API von {vendor}, z. B. https://api.example.com.</translation>
    </message>
    <message>
        <source>Giftoin key</source>
        <translation>Giftoin-Schlüssel</translation>
    </message>
    <message>
        <source>Nudj token</source>
        <translation>Nudj-Token</translation>
    </message>
    <message>
        <source>key that protects the staff PINs</source>
        <translation>Schlüssel für die Personal-PINs</translation>
    </message>
    <message>
        <source>The card could not be looked up. Try again.</source>
        <translation>Die Karte konnte nicht gesucht werden. Versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>{vendor}: this customer&apos;s Piggy contact holds nothing for this mapping, so nothing would be sent. Choose another attribute.</source>
        <translation>{vendor}: Der Piggy-Kontakt dieses Kundenkontos enthält für diese Zuordnung nichts, daher würde nichts gesendet. Wählen Sie ein anderes Attribut.</translation>
    </message>
    <message>
        <source>the customer&apos;s email address</source>
        <translation>die E-Mail-Adresse des Kundenkontos</translation>
    </message>
    <message>
        <source>the id {id}</source>
        <translation>die ID {id}</translation>
    </message>
    <message>
        <source>{vendor}: would send {sent}. {problem}</source>
        <translation>{vendor}: würde {sent} senden. {problem}</translation>
    </message>
    <message>
        <source>{vendor}: sends {sent}, and {vendor} knows nobody by it. With this mapping the panel would stay empty for this customer.</source>
        <translation>{vendor}: sendet {sent}, und {vendor} kennt darunter niemanden. Mit dieser Zuordnung bliebe die Seitenleiste für dieses Kundenkonto leer.</translation>
    </message>
    <message numerus="yes">
        <source>%n collection challenge(s)</source>
        <translation>
            <numerusform>%n Sammelaktion</numerusform>
            <numerusform>%n Sammelaktionen</numerusform>
        </translation>
    </message>
    <message>
        <source>{points} points</source>
        <translation>{points} Punkte</translation>
    </message>
    <message>
        <source>an account</source>
        <translation>ein Konto</translation>
    </message>
    <message>
        <source>{vendor}: sends {sent} and finds this customer ({found}).</source>
        <translation>{vendor}: sendet {sent} und findet dieses Kundenkonto ({found}).</translation>
    </message>
    <message>
        <source>The hand-over is recorded; Print tries the printer again, or save the slip as PDF.</source>
        <translation>Die Übergabe ist erfasst; Drucken versucht es erneut am Drucker, oder speichern Sie den Beleg als PDF.</translation>
    </message>
    <message>
        <source>The slip could not be printed ({error}).</source>
        <translation>Der Beleg konnte nicht gedruckt werden ({error}).</translation>
    </message>
    <message>
        <source>Choose a printer with Print…, or save the slip as PDF.</source>
        <translation>Wählen Sie mit „Drucken…“ einen Drucker oder speichern Sie den Beleg als PDF.</translation>
    </message>
    <message>
        <source>{date} {time}</source>
        <translation>{date} {time}</translation>
    </message>
    <message>
        <source>{date}, {time}</source>
        <extracomment>The formats a slip is drawn in are the papers the ``slip_paper`` setting names (the enum lives in the settings: services cannot import Qt). Most 80 mm printers print 72 mm wide: 4 mm each side stays blank. QR side including its quiet zone (4 modules each side): about 1 mm per module. The printable area of receipt printers starts a little below the cut. Height of the content in millimetres (for a receipt: the page length).</extracomment>
        <translation>{date}, {time}</translation>
    </message>
    <message>
        <source>{title} ×{n}</source>
        <translation>{title} ×{n}</translation>
    </message>
    <message>
        <source>{name} {value}</source>
        <translation>{name} {value}</translation>
    </message>
    <message>
        <source>No expiry</source>
        <translation>Läuft nicht ab</translation>
    </message>
    <message>
        <source>{when} · {who}</source>
        <translation>{when} · {who}</translation>
    </message>
    <message>
        <source>Ready on the shelf since {when} ({who})</source>
        <translation>Liegt bereit seit {when} ({who})</translation>
    </message>
    <message>
        <source>All ready</source>
        <translation>Alle bereit</translation>
    </message>
    <message>
        <source>{ready} of {n} ready</source>
        <translation>{ready} von {n} bereit</translation>
    </message>
    <message>
        <source>Customer: {name}</source>
        <translation>Kunde: {name}</translation>
    </message>
    <message>
        <source>Claimed {date}</source>
        <translation>Eingelöst am {date}</translation>
    </message>
    <message>
        <source>Expires: {date}</source>
        <translation>Läuft ab: {date}</translation>
    </message>
    <message>
        <source>Pickup slip — reprint</source>
        <translation>Abholbeleg – Nachdruck</translation>
    </message>
    <message>
        <source>Customer: {customer}</source>
        <translation>Kunde: {customer}</translation>
    </message>
    <message>
        <source>Handed over by: {staff}</source>
        <translation>Übergeben von: {staff}</translation>
    </message>
    <message>
        <source>Counter: {counter}</source>
        <translation>Kasse: {counter}</translation>
    </message>
    <message>
        <source>Keep this slip. If you bring an item back, bring the slip too.</source>
        <translation>Bewahren Sie diesen Beleg auf. Wenn Sie einen Artikel zurückbringen, bringen Sie auch den Beleg mit.</translation>
    </message>
    <message>
        <source>{when} · Counter: {counter}</source>
        <translation>{when} · Kasse: {counter}</translation>
    </message>
    <message>
        <source>Code for this reward</source>
        <translation>Code für diese Prämie</translation>
    </message>
    <message numerus="yes">
        <source>Code for these %n rewards</source>
        <translation>
            <numerusform>Code für %n Prämie</numerusform>
            <numerusform>Code für diese %n Prämien</numerusform>
        </translation>
    </message>
    <message>
        <source>Keep this slip. If you bring an item back, bring the slip too: the code finds your pickup at the counter.</source>
        <translation>Bewahren Sie diesen Beleg auf. Wenn Sie einen Artikel zurückbringen, bringen Sie auch den Beleg mit: Mit dem Code findet die Kasse Ihre Abholung.</translation>
    </message>
    <message>
        <source>{shop} · Pickup slip · {when} · {customer} (continued)</source>
        <translation>{shop} · Abholbeleg · {when} · {customer} (Fortsetzung)</translation>
    </message>
    <message>
        <source>Pickup slip {ref}</source>
        <translation>Abholbeleg {ref}</translation>
    </message>
    <message>
        <source>Pick list</source>
        <extracomment>Claims left out because they are on the shelf already.</extracomment>
        <translation>Pickliste</translation>
    </message>
    <message>
        <source>Made {when}</source>
        <translation>Erstellt {when}</translation>
    </message>
    <message>
        <source>{customer} · claimed {claimed} · expires {expires}</source>
        <translation>{customer} · eingelöst {claimed} · läuft ab {expires}</translation>
    </message>
    <message>
        <source>Nothing to prepare.</source>
        <translation>Nichts bereitzustellen.</translation>
    </message>
    <message numerus="yes">
        <source>%n reward(s) to prepare</source>
        <translation>
            <numerusform>%n Prämie bereitzustellen</numerusform>
            <numerusform>%n Prämien bereitzustellen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already on the shelf</source>
        <translation>
            <numerusform>%n liegt schon bereit</numerusform>
            <numerusform>%n liegen schon bereit</numerusform>
        </translation>
    </message>
    <message>
        <source>{shop} · Pick list · {when} (continued)</source>
        <translation>{shop} · Pickliste · {when} (Fortsetzung)</translation>
    </message>
    <message>
        <source>The printer could not be started.</source>
        <translation>Der Drucker konnte nicht gestartet werden.</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>Papier</translation>
    </message>
    <message>
        <source>80 mm receipt</source>
        <translation>80-mm-Bon</translation>
    </message>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Drucken…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Als PDF speichern…</translation>
    </message>
    <message>
        <source>Saved as {path}.</source>
        <translation>Gespeichert als {path}.</translation>
    </message>
    <message>
        <source>Save the pick list as PDF</source>
        <translation>Die Pickliste als PDF speichern</translation>
    </message>
    <message>
        <source>Print the pick list</source>
        <translation>Die Pickliste drucken</translation>
    </message>
    <message>
        <source>The pick list could not be printed or saved ({error}). Try again.</source>
        <translation>Die Pickliste konnte nicht gedruckt oder gespeichert werden ({error}). Bitte erneut versuchen.</translation>
    </message>
    <message>
        <source>None in this period.</source>
        <translation>Keine in diesem Zeitraum.</translation>
    </message>
    <message>
        <source>Report {period}</source>
        <translation>Bericht {period}</translation>
    </message>
    <message>
        <source>The PDF could not be written to {path}.</source>
        <translation>Die PDF-Datei konnte nicht nach {path} geschrieben werden.</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Bericht</translation>
    </message>
    <message>
        <source>Test slip</source>
        <extracomment>The code a test slip prints: which paper it was laid out for. It is no pickup&apos;s code, so scanning it at the counter finds nothing.</extracomment>
        <translation>Testbeleg</translation>
    </message>
    <message>
        <source>This is a test: nothing was handed over</source>
        <translation>Dies ist ein Test: Es wurde nichts übergeben</translation>
    </message>
    <message>
        <source>No printer found: “{printer}” is not on this PC.</source>
        <extracomment>Makes the printer for a slip: the printer&apos;s name (None: the system&apos;s default) and the paper; raises :class:`PrinterMissing` when there is no such printer. The chosen printer&apos;s name; None when the system&apos;s default was wanted.</extracomment>
        <translation>Kein Drucker gefunden: „{printer}“ ist nicht an diesem PC.</translation>
    </message>
    <message>
        <source>No printer found: this PC has no default printer.</source>
        <translation>Kein Drucker gefunden: Dieser PC hat keinen Standarddrucker.</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) left</source>
        <translation>
            <numerusform>noch %n Tag</numerusform>
            <numerusform>noch %n Tage</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) left</source>
        <translation>
            <numerusform>noch %n Std.</numerusform>
            <numerusform>noch %n Std.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) left</source>
        <translation>
            <numerusform>noch %n Min.</numerusform>
            <numerusform>noch %n Min.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more to collect</source>
        <translation>
            <numerusform>noch %n zu sammeln</numerusform>
            <numerusform>noch %n zu sammeln</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing to pick up: %n reward(s) expired (last on {date})</source>
        <extracomment>The filter field shows when the list has more rows than this.</extracomment>
        <translation>
            <numerusform>Nichts abzuholen: %n Prämie abgelaufen (am {date})</numerusform>
            <numerusform>Nichts abzuholen: %n Prämien abgelaufen (zuletzt am {date})</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n digital</source>
        <translation>
            <numerusform>%n digital</numerusform>
            <numerusform>%n digital</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to pick up</source>
        <translation>
            <numerusform>%n abzuholen</numerusform>
            <numerusform>%n abzuholen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n expired</source>
        <translation>
            <numerusform>%n abgelaufen</numerusform>
            <numerusform>%n abgelaufen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Expires in %n day(s)</source>
        <translation>
            <numerusform>Läuft in %n Tag ab</numerusform>
            <numerusform>Läuft in %n Tagen ab</numerusform>
        </translation>
    </message>
    <message>
        <source>Giftoin and Nudj</source>
        <translation>Giftoin und Nudj</translation>
    </message>
    <message>
        <source>Settings → {page}</source>
        <translation>Einstellungen → {page}</translation>
    </message>
    <message>
        <source>reachable</source>
        <translation>erreichbar</translation>
    </message>
    <message>
        <source>credentials accepted</source>
        <translation>Zugangsdaten angenommen</translation>
    </message>
    <message>
        <source>no Piggy personal access token / API key</source>
        <extracomment>&quot;no &lt;the secret&apos;s label&gt;&quot; (:attr:`SecretName.label`), in words the app translates.</extracomment>
        <translation>kein Piggy Personal Access Token / API-Schlüssel</translation>
    </message>
    <message>
        <source>no Piggy OAuth client secret</source>
        <translation>kein Piggy-OAuth-Client-Secret</translation>
    </message>
    <message>
        <source>no Giftoin API key</source>
        <translation>kein Giftoin-API-Schlüssel</translation>
    </message>
    <message>
        <source>no Nudj API token</source>
        <translation>kein Nudj-API-Token</translation>
    </message>
    <message>
        <source>no key that protects the staff PINs</source>
        <translation>kein Schlüssel für die Personal-PINs</translation>
    </message>
    <message>
        <source>no shared journal (PostgreSQL) password</source>
        <translation>kein Passwort für das gemeinsame Protokoll (PostgreSQL)</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>keine Antwort</translation>
    </message>
    <message>
        <source>{url} did not answer in time</source>
        <translation>{url} hat nicht rechtzeitig geantwortet</translation>
    </message>
    <message>
        <source>Check this PC&apos;s network connection, then run the check again.</source>
        <translation>Prüfen Sie die Netzwerkverbindung dieses Computers und starten Sie die Prüfung dann erneut.</translation>
    </message>
    <message>
        <source>cannot connect to {url}</source>
        <translation>keine Verbindung zu {url}</translation>
    </message>
    <message>
        <source>Check this PC&apos;s network connection and the server address in {page}.</source>
        <translation>Prüfen Sie die Netzwerkverbindung dieses Computers und die Serveradresse unter {page}.</translation>
    </message>
    <message>
        <source>the server refused the credentials</source>
        <translation>der Server hat die Zugangsdaten abgelehnt</translation>
    </message>
    <message>
        <source>Open {page} and paste a new {secret}.</source>
        <translation>Öffnen Sie {page} und fügen Sie einen neuen {secret} ein.</translation>
    </message>
    <message>
        <source>credentials accepted, but not allowed to use this API</source>
        <translation>Zugangsdaten angenommen, aber ohne Berechtigung für diese API</translation>
    </message>
    <message>
        <source>Give the key access to this API in the vendor&apos;s dashboard.</source>
        <translation>Geben Sie dem Schlüssel im Dashboard des Anbieters Zugriff auf diese API.</translation>
    </message>
    <message>
        <source>{url} is in maintenance (HTTP 503)</source>
        <translation>{url} wird gerade gewartet (HTTP 503)</translation>
    </message>
    <message>
        <source>Wait and run the check again; nothing to change here.</source>
        <translation>Warten Sie kurz und starten Sie die Prüfung erneut; hier ist nichts zu ändern.</translation>
    </message>
    <message>
        <source>service in maintenance</source>
        <translation>Dienst wird gewartet</translation>
    </message>
    <message>
        <source>rate limited for {seconds} s; credentials were not rejected</source>
        <translation>zu viele Anfragen, {seconds} Sek. warten; die Zugangsdaten wurden nicht abgelehnt</translation>
    </message>
    <message>
        <source>rate limited; credentials were not rejected</source>
        <translation>zu viele Anfragen; die Zugangsdaten wurden nicht abgelehnt</translation>
    </message>
    <message>
        <source>Run the check again later.</source>
        <translation>Starten Sie die Prüfung später erneut.</translation>
    </message>
    <message>
        <source>{url} answered, but not like the {vendor} API: {error}</source>
        <translation>{url} hat geantwortet, aber nicht wie die API von {vendor}: {error}</translation>
    </message>
    <message>
        <source>Open {page} and check the server address: only the host, e.g. https://host.</source>
        <translation>Öffnen Sie {page} und prüfen Sie die Serveradresse: nur der Host, z. B. https://host.</translation>
    </message>
    <message>
        <source>unexpected answer</source>
        <translation>unerwartete Antwort</translation>
    </message>
    <message>
        <source>not checked: {why}</source>
        <translation>nicht geprüft: {why}</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>Piggy cannot be reached (see above)</source>
        <translation>Piggy ist nicht erreichbar (siehe oben)</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>defaults and POS_APP_* only</source>
        <translation>nur Standardwerte und POS_APP_*</translation>
    </message>
    <message>
        <source>{path} does not exist: defaults and POS_APP_* variables in use</source>
        <translation>{path} existiert nicht: Standardwerte und POS_APP_*-Variablen werden verwendet</translation>
    </message>
    <message>
        <source>writable</source>
        <translation>beschreibbar</translation>
    </message>
    <message>
        <source>Ask your IT contact to give this PC&apos;s user write access to the data folder.</source>
        <translation>Bitten Sie Ihre IT-Betreuung, dem Benutzerkonto dieses Computers Schreibrechte für den Datenordner zu geben.</translation>
    </message>
    <message>
        <source>Keyring</source>
        <translation>Schlüsselbund</translation>
    </message>
    <message>
        <source>available</source>
        <translation>verfügbar</translation>
    </message>
    <message>
        <source>OS keyring in use</source>
        <translation>Schlüsselbund des Systems in Gebrauch</translation>
    </message>
    <message>
        <source>no OS keyring on this machine; secrets come from environment variables</source>
        <translation>kein Schlüsselbund des Systems auf diesem Computer; Schlüssel und Tokens kommen aus Umgebungsvariablen</translation>
    </message>
    <message>
        <source>no OS keyring on this machine</source>
        <translation>kein Schlüsselbund des Systems auf diesem Computer</translation>
    </message>
    <message>
        <source>Sign in to this PC again so that its keyring is unlocked, then restart the app. If that does not help, ask your IT contact.</source>
        <translation>Melden Sie sich an diesem Computer erneut an, damit sein Schlüsselbund entsperrt wird, und starten Sie dann die App neu. Wenn das nicht hilft, wenden Sie sich an Ihre IT-Betreuung.</translation>
    </message>
    <message>
        <source>found (keyring)</source>
        <translation>gefunden (Schlüsselbund)</translation>
    </message>
    <message>
        <source>found (environment)</source>
        <translation>gefunden (Umgebungsvariable)</translation>
    </message>
    <message>
        <source>found ({source})</source>
        <translation>gefunden ({source})</translation>
    </message>
    <message>
        <source>Open {page} and paste the {secret}.</source>
        <translation>Öffnen Sie {page} und fügen Sie den {secret} ein.</translation>
    </message>
    <message>
        <source>client id</source>
        <translation>Client-ID</translation>
    </message>
    <message>
        <source>piggy_auth_mode is client_credentials but no piggy_client_id is set</source>
        <translation>piggy_auth_mode ist client_credentials, aber piggy_client_id ist nicht gesetzt</translation>
    </message>
    <message>
        <source>Open {page} and enter the client id.</source>
        <translation>Öffnen Sie {page} und geben Sie die Client-ID ein.</translation>
    </message>
    <message>
        <source>no shop list</source>
        <translation>keine Filialliste</translation>
    </message>
    <message>
        <source>Open {page} and choose this shop.</source>
        <translation>Öffnen Sie {page} und wählen Sie diese Filiale.</translation>
    </message>
    <message>
        <source>no shop_uuid configured</source>
        <translation>keine shop_uuid eingerichtet</translation>
    </message>
    <message>
        <source>{shop} is a {type} shop, not a physical one</source>
        <translation>{shop} ist eine Filiale vom Typ {type}, keine physische</translation>
    </message>
    <message>
        <source>Pickups normally belong to a physical shop; open {page} and check the shop.</source>
        <translation>Abholungen gehören normalerweise zu einer physischen Filiale; öffnen Sie {page} und prüfen Sie die Filiale.</translation>
    </message>
    <message>
        <source>shop {uuid} does not exist for this key</source>
        <translation>die Filiale {uuid} gibt es für diesen Schlüssel nicht</translation>
    </message>
    <message>
        <source>host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>a Nudj token is stored but no nudj_base_url is set</source>
        <translation>ein Nudj-Token ist gespeichert, aber nudj_base_url ist nicht gesetzt</translation>
    </message>
    <message>
        <source>Open {page} and enter the Nudj address, e.g. https://yourshop.nudj.cx</source>
        <translation>Öffnen Sie {page} und geben Sie die Nudj-Adresse ein, z. B. https://yourshop.nudj.cx</translation>
    </message>
    <message>
        <source>user id source</source>
        <translation>Quelle der Benutzer-ID</translation>
    </message>
    <message>
        <source>Look one customer up in Nudj&apos;s dashboard, then open {page} and choose the id Nudj holds for customers.</source>
        <translation>Suchen Sie ein Kundenkonto im Dashboard von Nudj, öffnen Sie dann {page} und wählen Sie die ID, die Nudj für Kunden speichert.</translation>
    </message>
    <message>
        <source>Nudj found none of the last {misses} customers looked up by {source}</source>
        <translation>Nudj hat keinen der letzten {misses} über {source} gesuchten Kunden gefunden</translation>
    </message>
    <message>
        <source>email: Nudj documents no lookup by email; customers may not be found</source>
        <translation>E-Mail: Nudj dokumentiert keine Suche per E-Mail; Kunden werden vielleicht nicht gefunden</translation>
    </message>
    <message>
        <source>the Piggy contact uuid (found only where Nudj stores it as external id)</source>
        <translation>die Kontakt-UUID von Piggy (nur gefunden, wo Nudj sie als externe ID speichert)</translation>
    </message>
    <message>
        <source>the contact attribute {attribute}</source>
        <translation>das Kontaktattribut {attribute}</translation>
    </message>
    <message>
        <source>configured</source>
        <translation>eingerichtet</translation>
    </message>
    <message>
        <source>not configured: the panel stays off</source>
        <translation>nicht eingerichtet: die Seitenleiste bleibt aus</translation>
    </message>
    <message>
        <source>To use it: open {page}.</source>
        <translation>Zum Verwenden öffnen Sie {page}.</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>found</source>
        <translation>gefunden</translation>
    </message>
    <message>
        <source>rewards</source>
        <translation>Prämien</translation>
    </message>
    <message>
        <source>customer</source>
        <extracomment>The check of a side program&apos;s row (Giftoin, Nudj): this customer in that program.</extracomment>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>token</source>
        <extracomment>Characters of the contact uuid a row shows: enough to tell customers apart in a ticket. Contact attribute names a row lists at most, to help choose the Giftoin attribute.</extracomment>
        <translation>Token</translation>
    </message>
    <message>
        <source>client secret</source>
        <translation>Schlüssel (Client-Secret)</translation>
    </message>
    <message>
        <source>Giftoin API key</source>
        <translation>Giftoin-API-Schlüssel</translation>
    </message>
    <message>
        <source>staff PIN key</source>
        <translation>Schlüssel für die Personal-PINs</translation>
    </message>
    <message>
        <source>{vendor} refused the credentials</source>
        <translation>{vendor} hat die Zugangsdaten abgelehnt</translation>
    </message>
    <message>
        <source>Give the key access to this API in {vendor}&apos;s dashboard.</source>
        <translation>Geben Sie dem Schlüssel im Dashboard von {vendor} Zugriff auf diese API.</translation>
    </message>
    <message>
        <source>{vendor} accepted the credentials but does not allow this lookup</source>
        <translation>{vendor} hat die Zugangsdaten angenommen, erlaubt diese Abfrage aber nicht</translation>
    </message>
    <message>
        <source>rate limited for {seconds} s: not checked</source>
        <translation>zu viele Anfragen, {seconds} Sek. warten: nicht geprüft</translation>
    </message>
    <message>
        <source>rate limited: not checked</source>
        <translation>zu viele Anfragen: nicht geprüft</translation>
    </message>
    <message>
        <source>{vendor} refused the lookup (code {code})</source>
        <translation>{vendor} hat die Abfrage abgelehnt (Code {code})</translation>
    </message>
    <message>
        <source>{vendor} refused the lookup</source>
        <translation>{vendor} hat die Abfrage abgelehnt</translation>
    </message>
    <message>
        <source>{url} answered, but not like the {vendor} API</source>
        <translation>{url} hat geantwortet, aber nicht wie die API von {vendor}</translation>
    </message>
    <message>
        <source>{url} answered with an error (HTTP {status})</source>
        <translation>{url} hat mit einem Fehler geantwortet (HTTP {status})</translation>
    </message>
    <message>
        <source>{url} answered with an error</source>
        <translation>{url} hat mit einem Fehler geantwortet</translation>
    </message>
    <message>
        <source>Run the check again; if this stays, check the server address in {page}.</source>
        <translation>Starten Sie die Prüfung erneut; bleibt es dabei, prüfen Sie die Serveradresse unter {page}.</translation>
    </message>
    <message>
        <source>no customer with this card</source>
        <translation>kein Kundenkonto mit dieser Karte</translation>
    </message>
    <message>
        <source>Scan a card that works at the counter.</source>
        <translation>Scannen Sie eine Karte, die an der Kasse funktioniert.</translation>
    </message>
    <message>
        <source>this card is blocked (reported lost or replaced)</source>
        <translation>diese Karte ist gesperrt (als verloren oder ersetzt gemeldet)</translation>
    </message>
    <message>
        <source>Scan the customer&apos;s current card, or another customer&apos;s card.</source>
        <translation>Scannen Sie die aktuelle Karte dieses Kundenkontos oder eine andere Kundenkarte.</translation>
    </message>
    <message>
        <source>the card exists, but is not linked to a customer</source>
        <translation>die Karte existiert, ist aber mit keinem Kundenkonto verknüpft</translation>
    </message>
    <message>
        <source>Scan the card of a customer who linked it in the app.</source>
        <translation>Scannen Sie eine Karte, die in der App mit einem Kundenkonto verknüpft ist.</translation>
    </message>
    <message>
        <source>the card&apos;s customer was not found</source>
        <translation>das Kundenkonto dieser Karte wurde nicht gefunden</translation>
    </message>
    <message>
        <source>Scan another customer&apos;s card; if every card answers this, ask Piggy support.</source>
        <translation>Scannen Sie eine andere Kundenkarte; wenn jede Karte dies ergibt, wenden Sie sich an den Piggy-Support.</translation>
    </message>
    <message>
        <source>the card could not be looked up</source>
        <translation>die Karte konnte nicht abgefragt werden</translation>
    </message>
    <message>
        <source>Scan the customer&apos;s card or QR code.</source>
        <translation>Scannen Sie die Kundenkarte oder den QR-Code.</translation>
    </message>
    <message>
        <source>no card value given</source>
        <translation>kein Kartenwert angegeben</translation>
    </message>
    <message>
        <source>an email address is not a card: not looked up</source>
        <translation>eine E-Mail-Adresse ist keine Karte: nicht gesucht</translation>
    </message>
    <message>
        <source>a pickup slip reference is not a customer&apos;s card: not looked up</source>
        <translation>ein Abholbeleg ist keine Kundenkarte: nicht gesucht</translation>
    </message>
    <message>
        <source>no card</source>
        <translation>keine Karte</translation>
    </message>
    <message>
        <source>Piggy is not set up</source>
        <translation>Piggy ist nicht eingerichtet</translation>
    </message>
    <message>
        <source>no customer</source>
        <translation>kein Kundenkonto</translation>
    </message>
    <message>
        <source>contact {uuid}</source>
        <translation>Kontakt {uuid}</translation>
    </message>
    <message>
        <source>Open {page}, enter the client id and paste the client secret.</source>
        <translation>Öffnen Sie {page}, geben Sie die Client-ID ein und fügen Sie das Client-Secret ein.</translation>
    </message>
    <message>
        <source>Open {page} and paste the token.</source>
        <translation>Öffnen Sie {page} und fügen Sie den Token ein.</translation>
    </message>
    <message>
        <source>Piggy is not set up: not looked up</source>
        <translation>Piggy ist nicht eingerichtet: nicht gesucht</translation>
    </message>
    <message>
        <source>none uncollected</source>
        <translation>keine offenen Prämien</translation>
    </message>
    <message>
        <source>{count} uncollected: {to_pick_up} to hand over, {expired} expired, {digital} digital</source>
        <translation>{count} offen: {to_pick_up} zu übergeben, {expired} abgelaufen, {digital} digital</translation>
    </message>
    <message>
        <source>not set up: no panel</source>
        <translation>nicht eingerichtet: keine Seitenleiste</translation>
    </message>
    <message>
        <source>{first} and {second}</source>
        <translation>{first} und {second}</translation>
    </message>
    <message>
        <source>{missing} not set: the panel finds no customer</source>
        <translation>{missing} nicht gesetzt: die Seitenleiste findet kein Kundenkonto</translation>
    </message>
    <message>
        <source>Open {page} and choose the platform and the contact attribute that holds the customer&apos;s id there.</source>
        <translation>Öffnen Sie {page} und wählen Sie die Plattform und das Kontaktattribut mit der ID des Kundenkontos auf dieser Plattform.</translation>
    </message>
    <message>
        <source>{platform} id from the contact attribute {attribute}</source>
        <translation>{platform}-ID aus dem Kontaktattribut {attribute}</translation>
    </message>
    <message>
        <source>no challenges ({source}); Giftoin answers so also for an id it does not know</source>
        <translation>keine Sammelaktionen ({source}); so antwortet Giftoin auch bei einer unbekannten ID</translation>
    </message>
    <message>
        <source>{count} challenge ({source})</source>
        <translation>{count} Sammelaktion ({source})</translation>
    </message>
    <message>
        <source>{count} challenges ({source})</source>
        <translation>{count} Sammelaktionen ({source})</translation>
    </message>
    <message>
        <source>If this customer uses Giftoin, open {page} and choose the contact attribute that holds their {platform} id.</source>
        <translation>Wenn dieses Kundenkonto Giftoin nutzt, öffnen Sie {page} und wählen Sie das Kontaktattribut mit der {platform}-ID.</translation>
    </message>
    <message>
        <source>this customer&apos;s contact has no value in the attribute {attribute}</source>
        <translation>der Kontakt dieses Kundenkontos hat keinen Wert im Attribut {attribute}</translation>
    </message>
    <message>
        <source>Giftoin knows no {platform} user with the {source}</source>
        <translation>Giftoin kennt kein {platform}-Konto mit der {source}</translation>
    </message>
    <message>
        <source>If this customer has a Nudj account, open {page} and choose the id Nudj holds for customers.</source>
        <translation>Wenn dieses Kundenkonto ein Nudj-Konto hat, öffnen Sie {page} und wählen Sie die ID, die Nudj für Kunden speichert.</translation>
    </message>
    <message>
        <source>this customer&apos;s contact has no email address (looked up by {source})</source>
        <translation>der Kontakt dieses Kundenkontos hat keine E-Mail-Adresse (gesucht über {source})</translation>
    </message>
    <message>
        <source>this customer&apos;s contact has no value in the attribute {attribute} (looked up by {source})</source>
        <translation>der Kontakt dieses Kundenkontos hat keinen Wert im Attribut {attribute} (gesucht über {source})</translation>
    </message>
    <message>
        <source>points unknown</source>
        <translation>Punkte unbekannt</translation>
    </message>
    <message>
        <source>{count} point</source>
        <translation>{count} Punkt</translation>
    </message>
    <message>
        <source>{count} points</source>
        <translation>{count} Punkte</translation>
    </message>
    <message>
        <source>{count} reward</source>
        <translation>{count} Prämie</translation>
    </message>
    <message>
        <source>{count} rewards</source>
        <translation>{count} Prämien</translation>
    </message>
    <message>
        <source>{points}, {rewards} on offer, {affordable} within reach (looked up by {source})</source>
        <translation>{points}, {rewards} im Angebot, {affordable} mit genug Punkten (gesucht über {source})</translation>
    </message>
    <message>
        <source>Nudj found no user for this customer (looked up by {source})</source>
        <translation>Nudj hat für dieses Kundenkonto kein Konto gefunden (gesucht über {source})</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Berichte</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Zeitraum:</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>A day</source>
        <translation>Ein Tag</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Diese Woche</translation>
    </message>
    <message>
        <source>A week</source>
        <translation>Eine Woche</translation>
    </message>
    <message>
        <source>Hand-overs per hour</source>
        <translation>Übergaben pro Stunde</translation>
    </message>
    <message>
        <source>Hand-overs per staff member</source>
        <translation>Übergaben pro Person</translation>
    </message>
    <message>
        <source>No hand-overs in this period.</source>
        <translation>Keine Übergaben in diesem Zeitraum.</translation>
    </message>
    <message>
        <source>Rewards handed out</source>
        <translation>Übergebene Prämien</translation>
    </message>
    <message>
        <source>Reversals</source>
        <translation>Stornierungen</translation>
    </message>
    <message>
        <source>Reward</source>
        <translation>Prämie</translation>
    </message>
    <message>
        <source>Handed out</source>
        <translation>Übergeben</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>PDF exportieren…</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>The report could not be made: {reason}</source>
        <translation>Der Bericht konnte nicht erstellt werden: {reason}</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>Bericht exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-Dateien (*.pdf)</translation>
    </message>
    <message>
        <source>The report could not be saved: {reason}</source>
        <translation>Der Bericht konnte nicht gespeichert werden: {reason}</translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation>Gespeichert unter {path}</translation>
    </message>
    <message>
        <source>Reports…</source>
        <extracomment>Task key of the open Reports page: one at a time.</extracomment>
        <translation>Berichte…</translation>
    </message>
    <message>
        <source>Reports (manager PIN)</source>
        <translation>Berichte (Leitungs-PIN)</translation>
    </message>
    <message>
        <source>Hand-overs, rewards and reversals of a day or a week (a manager&apos;s PIN is asked)</source>
        <translation>Übergaben, Prämien und Stornierungen eines Tages oder einer Woche (die Leitungs-PIN wird abgefragt)</translation>
    </message>
    <message>
        <source>Reports cannot be opened on this counter: no manager PIN can be checked.</source>
        <translation>Berichte können an dieser Kasse nicht geöffnet werden: Es kann keine Leitungs-PIN geprüft werden.</translation>
    </message>
    <message>
        <source>Reports need a manager&apos;s PIN.</source>
        <translation>Für Berichte ist eine Leitungs-PIN nötig.</translation>
    </message>
    <message numerus="yes">
        <source>%n hand-over(s)</source>
        <translation>
            <numerusform>%n Übergabe</numerusform>
            <numerusform>%n Übergaben</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n reward(s)</source>
        <translation>
            <numerusform>%n Prämie</numerusform>
            <numerusform>%n Prämien</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n reversal(s)</source>
        <translation>
            <numerusform>%n Stornierung</numerusform>
            <numerusform>%n Stornierungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n claim(s) at the counter ({points} points)</source>
        <translation>
            <numerusform>%n Einlösung an der Kasse ({points} Punkte)</numerusform>
            <numerusform>%n Einlösungen an der Kasse ({points} Punkte)</numerusform>
        </translation>
    </message>
    <message>
        <source>Every counter of the shop</source>
        <translation>Alle Kassen der Filiale</translation>
    </message>
    <message>
        <source>This counter only</source>
        <translation>Nur diese Kasse</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Nicht angemeldet</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>noch keine</translation>
    </message>
    <message>
        <source>Cost price</source>
        <translation>Einstandspreis</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Summe</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>Kasse</translation>
    </message>
    <message>
        <source>Taken back as</source>
        <translation>Zurückgenommen als</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Reversed by</source>
        <translation>Storniert von</translation>
    </message>
    <message>
        <source>Back for pickup</source>
        <translation>Wieder zur Abholung</translation>
    </message>
    <message>
        <source>The shared journal cannot be reached right now: these are this counter&apos;s own figures (latest change recorded {time}).</source>
        <translation>Das gemeinsame Protokoll ist gerade nicht erreichbar: Dies sind die Zahlen dieser Kasse (letzte Änderung erfasst {time}).</translation>
    </message>
    <message>
        <source>This counter&apos;s own journal (no shared journal): latest change recorded {time}.</source>
        <translation>Das eigene Protokoll dieser Kasse (kein gemeinsames Protokoll): letzte Änderung erfasst {time}.</translation>
    </message>
    <message>
        <source>Shared journal: no counter has copied anything yet.</source>
        <translation>Gemeinsames Protokoll: Noch keine Kasse hat etwas kopiert.</translation>
    </message>
    <message>
        <source>{counter}: up to {time}</source>
        <translation>{counter}: bis {time}</translation>
    </message>
    <message numerus="yes">
        <source>this counter: %n change(s) waiting to be copied</source>
        <translation>
            <numerusform>diese Kasse: %n Änderung wartet auf das Kopieren</numerusform>
            <numerusform>diese Kasse: %n Änderungen warten auf das Kopieren</numerusform>
        </translation>
    </message>
    <message>
        <source>Shared journal — {counters}</source>
        <translation>Gemeinsames Protokoll – {counters}</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Hour</source>
        <translation>Stunde</translation>
    </message>
    <message>
        <source>Hand-overs</source>
        <translation>Übergaben</translation>
    </message>
    <message>
        <source>Rewards</source>
        <translation>Prämien</translation>
    </message>
    <message>
        <source>Staff member</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Claims at the counter</source>
        <translation>Einlösungen an der Kasse</translation>
    </message>
    <message>
        <source>Points spent</source>
        <translation>Eingesetzte Punkte</translation>
    </message>
    <message>
        <source>Counters</source>
        <translation>Kassen</translation>
    </message>
    <message>
        <source>Latest change recorded</source>
        <translation>Letzte Änderung erfasst</translation>
    </message>
    <message>
        <source>Copied to the shared journal</source>
        <translation>In das gemeinsame Protokoll kopiert</translation>
    </message>
    <message>
        <source>French (AZERTY)</source>
        <translation>Französisch (AZERTY)</translation>
    </message>
    <message>
        <source>Belgian (AZERTY)</source>
        <translation>Belgisch (AZERTY)</translation>
    </message>
    <message>
        <source>German (QWERTZ)</source>
        <translation>Deutsch (QWERTZ)</translation>
    </message>
    <message>
        <source>France</source>
        <translation>Frankreich</translation>
    </message>
    <message>
        <source>Belgium</source>
        <translation>Belgien</translation>
    </message>
    <message>
        <source>Germany</source>
        <translation>Deutschland</translation>
    </message>
    <message>
        <source>Letters arrive in the wrong case: Caps Lock is on. Turn Caps Lock off on this PC&apos;s keyboard. If that happens often, scan the &apos;Caps Lock override&apos; (or &apos;Ignore Caps Lock&apos;) programming barcode in the scanner&apos;s manual.</source>
        <translation>Groß- und Kleinbuchstaben kommen vertauscht an: die Feststelltaste ist an. Schalten Sie sie auf der Tastatur dieses PCs aus. Passiert das oft, scannen Sie im Handbuch des Scanners den Programmier-Barcode „Caps Lock override“ (oder „Ignore Caps Lock“).</translation>
    </message>
    <message>
        <source>This PC uses the {layout} keyboard layout and the scanner types for a US keyboard, so characters arrive changed ({examples}). Set the scanner to this PC&apos;s layout: scan the &apos;Keyboard country: {country}&apos; programming barcode in the scanner&apos;s manual. Or leave the scanner at &apos;US keyboard&apos; and set Windows to the keyboard &apos;English (United States)&apos; (Settings, Time &amp; language, Language &amp; region).</source>
        <translation>Dieser PC nutzt das Tastaturlayout {layout}, der Scanner tippt aber für eine US-Tastatur, daher kommen Zeichen verändert an ({examples}). Stellen Sie den Scanner auf das Layout dieses PCs um: Scannen Sie im Handbuch des Scanners den Programmier-Barcode für das Tastaturland {country} („Keyboard country“). Oder lassen Sie den Scanner auf „US keyboard“ und stellen Windows auf die Tastatur „Englisch (USA)“ um (Einstellungen, Zeit und Sprache, Sprache und Region).</translation>
    </message>
    <message>
        <source>The scanner is set to a {layout} keyboard, but this PC uses a US layout, so characters arrive changed ({examples}). Scan the &apos;Keyboard country: USA&apos; programming barcode in the scanner&apos;s manual.</source>
        <translation>Der Scanner ist auf eine Tastatur {layout} eingestellt, dieser PC nutzt aber ein US-Layout, daher kommen Zeichen verändert an ({examples}). Scannen Sie im Handbuch des Scanners den Programmier-Barcode „Keyboard country: USA“.</translation>
    </message>
    <message>
        <source>Some characters arrive as others ({examples}). The scanner and this PC use different keyboard layouts. Set the scanner to this PC&apos;s keyboard layout: its manual has a &apos;Keyboard country&apos; programming barcode for each country.</source>
        <translation>Manche Zeichen kommen als andere an ({examples}). Scanner und PC nutzen verschiedene Tastaturlayouts. Stellen Sie den Scanner auf das Tastaturlayout dieses PCs um: Sein Handbuch hat für jedes Land einen Programmier-Barcode („Keyboard country“).</translation>
    </message>
    <message>
        <source>Characters went missing: the scanner types faster than this PC takes the keys. Scan the &apos;Inter-character delay&apos; (or &apos;Keystroke delay&apos;) programming barcode in the scanner&apos;s manual and choose a short delay, such as 5 ms.</source>
        <translation>Zeichen sind verloren gegangen: Der Scanner tippt schneller, als dieser PC die Tasten annimmt. Scannen Sie im Handbuch des Scanners den Programmier-Barcode „Inter-character delay“ (oder „Keystroke delay“) und wählen Sie eine kurze Pause, z. B. 5 ms.</translation>
    </message>
    <message>
        <source>The scanner sends {prefix} before the code: the code type (AIM ID). Scan the &apos;AIM ID off&apos; (or &apos;Transmit Code ID: off&apos;) programming barcode in the scanner&apos;s manual.</source>
        <translation>Der Scanner sendet {prefix} vor dem Code: die Codeart (AIM-ID). Scannen Sie im Handbuch des Scanners den Programmier-Barcode „AIM ID off“ (oder „Transmit Code ID: off“).</translation>
    </message>
    <message>
        <source>The scanner adds {prefix} before the code. Remove the prefix: scan the &apos;Clear all prefixes&apos; programming barcode in the scanner&apos;s manual.</source>
        <translation>Der Scanner setzt {prefix} vor den Code. Entfernen Sie das Präfix: Scannen Sie im Handbuch des Scanners den Programmier-Barcode „Clear all prefixes“.</translation>
    </message>
    <message>
        <source>The scanner adds {suffix} after the code. Scan the &apos;Clear all suffixes&apos; programming barcode in the scanner&apos;s manual, then the &apos;Enter suffix&apos; (CR) one, so that it still ends with Enter.</source>
        <translation>Der Scanner hängt {suffix} an den Code an. Scannen Sie im Handbuch des Scanners den Programmier-Barcode „Clear all suffixes“ und danach „Enter suffix“ (CR), damit er weiter mit Enter endet.</translation>
    </message>
    <message>
        <source>The scanner does not press Enter after the code, so the counter would wait for it. Scan the &apos;Enter suffix&apos; (CR) programming barcode in your scanner&apos;s manual (also called &apos;Add CR suffix&apos; or &apos;Terminator: CR&apos;).</source>
        <translation>Der Scanner drückt nach dem Code nicht Enter, die Kasse würde also darauf warten. Scannen Sie im Handbuch Ihres Scanners den Programmier-Barcode „Enter suffix“ (CR) (auch „Add CR suffix“ oder „Terminator: CR“ genannt).</translation>
    </message>
    <message>
        <source>The scanner presses Tab after the code instead of Enter. Scan the &apos;Enter suffix&apos; (CR) programming barcode in your scanner&apos;s manual instead of the &apos;Tab suffix&apos; one.</source>
        <translation>Der Scanner drückt nach dem Code Tab statt Enter. Scannen Sie im Handbuch Ihres Scanners den Programmier-Barcode „Enter suffix“ (CR) statt „Tab suffix“.</translation>
    </message>
    <message>
        <source>The characters came {ms} ms apart: as slowly as a person types (a scanner types one every few ms). Scan the code with the scanner rather than typing it. If this was the scanner, set its &apos;Inter-character delay&apos; to 0 ms with the programming barcode in its manual.</source>
        <translation>Die Zeichen kamen im Abstand von {ms} ms: so langsam, wie ein Mensch tippt (ein Scanner tippt alle paar ms eines). Scannen Sie den Code mit dem Scanner, statt ihn zu tippen. War es der Scanner, stellen Sie mit dem Programmier-Barcode im Handbuch seine „Inter-character delay“ auf 0 ms.</translation>
    </message>
    <message>
        <source>That was not this page&apos;s test code. Scan the barcode or the QR code above. A scanner that reads neither from the screen is a laser scanner: it reads printed cards but no codes on screens, so also none on customers&apos; phones.</source>
        <translation>Das war nicht der Testcode dieser Seite. Scannen Sie den Barcode oder den QR-Code oben. Ein Scanner, der beide nicht vom Bildschirm liest, ist ein Laserscanner: Er liest gedruckte Karten, aber keine Codes auf Bildschirmen, also auch keine auf den Handys der Kundschaft.</translation>
    </message>
    <message>
        <source>The scanner is ready for this counter: it types the code exactly, fast, and ends with Enter.</source>
        <translation>Der Scanner ist bereit für diese Kasse: Er tippt den Code genau und schnell und endet mit Enter.</translation>
    </message>
    <message>
        <source>Change this on the scanner, then scan the code again:</source>
        <translation>Ändern Sie das am Scanner und scannen Sie den Code dann erneut:</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>Tab (not Enter)</source>
        <translation>Tab (kein Enter)</translation>
    </message>
    <message>
        <source>nothing (no Enter)</source>
        <translation>nichts (kein Enter)</translation>
    </message>
    <message>
        <source>one key only</source>
        <translation>nur eine Taste</translation>
    </message>
    <message>
        <source>{ms} ms between characters: a scanner</source>
        <translation>{ms} ms zwischen den Zeichen: ein Scanner</translation>
    </message>
    <message>
        <source>{ms} ms between characters: as slow as typing by hand</source>
        <translation>{ms} ms zwischen den Zeichen: so langsam wie von Hand getippt</translation>
    </message>
    <message>
        <source>Scan the test code here</source>
        <extracomment>How long after the last character the page waits for Enter (or Tab) before it says the scanner sends none: scanners send it within milliseconds. Light modules around the codes (Code 128 needs 10, QR codes 4). The bars and spaces, one character per module (&quot;1&quot; a bar).</extracomment>
        <translation>Testcode hier scannen</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Wird gelesen…</translation>
    </message>
    <message>
        <source>Ready: scan the code now.</source>
        <translation>Bereit: Scannen Sie jetzt den Code.</translation>
    </message>
    <message>
        <source>Click here, then scan the code.</source>
        <translation>Klicken Sie hier und scannen Sie dann den Code.</translation>
    </message>
    <message>
        <source>Test the scanner</source>
        <translation>Scanner testen</translation>
    </message>
    <message>
        <source>Scan one of these codes with this counter&apos;s scanner. The page shows what the scanner typed, how fast, and whether it ends with Enter, and what to change on the scanner. Nothing is saved here.</source>
        <translation>Scannen Sie einen dieser Codes mit dem Scanner dieser Kasse. Die Seite zeigt, was der Scanner getippt hat, wie schnell, ob er mit Enter endet und was am Scanner zu ändern ist. Hier wird nichts gespeichert.</translation>
    </message>
    <message>
        <source>Barcode (Code 128): every scanner reads it</source>
        <translation>Barcode (Code 128): liest jeder Scanner</translation>
    </message>
    <message>
        <source>QR code: for 2D scanners</source>
        <translation>QR-Code: für 2D-Scanner</translation>
    </message>
    <message>
        <source>Printing the test codes on {printer}…</source>
        <translation>Die Testcodes werden auf {printer} gedruckt…</translation>
    </message>
    <message>
        <source>Sent to the receipt printer ({printer}).</source>
        <translation>An den Bondrucker ({printer}) gesendet.</translation>
    </message>
    <message>
        <source>Print the scanner&apos;s test codes</source>
        <translation>Die Testcodes des Scanners drucken</translation>
    </message>
    <message>
        <source>The test codes could not be printed ({error}).</source>
        <translation>Die Testcodes konnten nicht gedruckt werden ({error}).</translation>
    </message>
    <message>
        <source>Sent to {printer}.</source>
        <translation>Gesendet an: {printer}.</translation>
    </message>
    <message>
        <source>The code: {code}</source>
        <translation>Der Code: {code}</translation>
    </message>
    <message>
        <source>Print the test codes</source>
        <translation>Testcodes drucken</translation>
    </message>
    <message>
        <source>For scanners that cannot read a screen (laser scanners): prints both codes on the receipt printer, or on a printer of this PC</source>
        <translation>Für Scanner, die keinen Bildschirm lesen können (Laserscanner): druckt beide Codes auf dem Bondrucker oder auf einem Drucker dieses PCs</translation>
    </message>
    <message>
        <source>It typed</source>
        <translation>Getippt</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Tempo</translation>
    </message>
    <message>
        <source>Ends with</source>
        <translation>Endet mit</translation>
    </message>
    <message numerus="yes">
        <source>%n point(s)</source>
        <translation>
            <numerusform>%n Punkt</numerusform>
            <numerusform>%n Punkte</numerusform>
        </translation>
    </message>
    <message>
        <source>Points balance not known</source>
        <translation>Punktestand unbekannt</translation>
    </message>
    <message>
        <source>Balance: {points}</source>
        <translation>Stand: {points}</translation>
    </message>
    <message>
        <source>Out of stock</source>
        <translation>Nicht vorrätig</translation>
    </message>
    <message>
        <source>{n} left</source>
        <translation>Noch {n}</translation>
    </message>
    <message>
        <source>Needs {points} more</source>
        <translation>Es fehlen {points}</translation>
    </message>
    <message>
        <source>{title} is out of stock.</source>
        <translation>{title} ist nicht vorrätig.</translation>
    </message>
    <message>
        <source>The customer&apos;s points balance is not known: it cannot be claimed now.</source>
        <translation>Der Punktestand des Kunden ist unbekannt: jetzt kann nicht eingelöst werden.</translation>
    </message>
    <message>
        <source>{title} costs {cost}; the customer has {balance}.</source>
        <translation>{title} kostet {cost}; der Kunde hat {balance}.</translation>
    </message>
    <message>
        <source>To spend points, identify the customer the safe way: scan their card, or look them up by email and type the code Piggy emails them.</source>
        <translation>Zum Einlösen von Punkten den Kunden sicher erkennen: die Karte scannen, oder per E-Mail suchen und den Code eingeben, den Piggy dem Kunden mailt.</translation>
    </message>
    <message>
        <source>Not claimed: a member of staff signs in to spend a customer&apos;s points.</source>
        <translation>Nicht eingelöst: Zum Einlösen von Kundenpunkten meldet sich ein Mitarbeiter an.</translation>
    </message>
    <message>
        <source>Staff PINs cannot be checked on this counter, and spending points needs a staff sign-in.</source>
        <translation>Mitarbeiter-PINs können an dieser Theke nicht geprüft werden, und das Einlösen von Punkten braucht eine Mitarbeiteranmeldung.</translation>
    </message>
    <message>
        <source>Not claimed: claims wait until a manager acknowledges the journal check above.</source>
        <translation>Nicht eingelöst: Einlösungen warten, bis ein Manager die Journalprüfung oben bestätigt hat.</translation>
    </message>
    <message>
        <source>No shop is set for this counter: a manager chooses it in Settings.</source>
        <translation>Für diese Theke ist kein Geschäft eingestellt: ein Manager wählt es in den Einstellungen.</translation>
    </message>
    <message>
        <source>Rewards are claimed with points at a staffed counter.</source>
        <translation>Prämien werden mit Punkten an einer besetzten Theke eingelöst.</translation>
    </message>
    <message>
        <source>Claiming is not available on this counter.</source>
        <translation>Einlösen ist an dieser Theke nicht möglich.</translation>
    </message>
    <message>
        <source>Claim {title} for {name}?</source>
        <translation>{title} für {name} einlösen?</translation>
    </message>
    <message>
        <source>It costs {cost}.</source>
        <translation>Es kostet {cost}.</translation>
    </message>
    <message>
        <source>Points now: {before} · after the claim: {after} (costs {cost})</source>
        <translation>Punkte jetzt: {before} · nach dem Einlösen: {after} (kostet {cost})</translation>
    </message>
    <message>
        <source>Claimed {title}: it waits in the pickup list. {points} left on the balance.</source>
        <translation>{title} eingelöst: es wartet in der Abholliste. Noch {points} auf dem Konto.</translation>
    </message>
    <message>
        <source>Claimed {title}: it waits in the pickup list.</source>
        <translation>{title} eingelöst: es wartet in der Abholliste.</translation>
    </message>
    <message>
        <source>Claimed {title}: an earlier attempt had gone through, so nothing was claimed twice. It waits in the pickup list.</source>
        <translation>{title} eingelöst: ein früherer Versuch war schon durchgegangen, also wurde nichts doppelt eingelöst. Es wartet in der Abholliste.</translation>
    </message>
    <message>
        <source>The journal could not record it yet; it is recorded later.</source>
        <translation>Das Journal konnte es noch nicht festhalten; das geschieht später.</translation>
    </message>
    <message>
        <source>Not claimed: the customer does not have enough points for {title}.</source>
        <translation>Nicht eingelöst: der Kunde hat nicht genug Punkte für {title}.</translation>
    </message>
    <message>
        <source>Not claimed: {title} is out of stock.</source>
        <translation>Nicht eingelöst: {title} ist nicht vorrätig.</translation>
    </message>
    <message>
        <source>Not claimed: the customer has claimed {title} as often as it can be claimed.</source>
        <translation>Nicht eingelöst: der Kunde hat {title} so oft eingelöst, wie es erlaubt ist.</translation>
    </message>
    <message>
        <source>Not claimed: {title} is not active any more.</source>
        <translation>Nicht eingelöst: {title} ist nicht mehr aktiv.</translation>
    </message>
    <message>
        <source>Not claimed: Piggy no longer has {title}.</source>
        <translation>Nicht eingelöst: Piggy hat {title} nicht mehr.</translation>
    </message>
    <message>
        <source>Not claimed: this customer&apos;s card is blocked. Ask for their current card.</source>
        <translation>Nicht eingelöst: die Karte dieses Kunden ist gesperrt. Fragen Sie nach der aktuellen Karte.</translation>
    </message>
    <message>
        <source>Not claimed: Piggy no longer knows this customer.</source>
        <translation>Nicht eingelöst: Piggy kennt diesen Kunden nicht mehr.</translation>
    </message>
    <message>
        <source>No answer about {title}: it may have been claimed. It is checked with Piggy before anything is sent again; the customer&apos;s points are not spent twice.</source>
        <translation>Keine Antwort zu {title}: es kann eingelöst worden sein. Das wird bei Piggy geprüft, bevor erneut etwas gesendet wird; die Punkte des Kunden werden nicht doppelt eingelöst.</translation>
    </message>
    <message>
        <source>Not claimed: the journal cannot record it, so nothing was sent. Ask a manager.</source>
        <translation>Nicht eingelöst: das Journal kann es nicht festhalten, also wurde nichts gesendet. Fragen Sie einen Manager.</translation>
    </message>
    <message>
        <source>Not claimed: {title} was checked with Piggy and not found.</source>
        <translation>Nicht eingelöst: {title} wurde bei Piggy geprüft und nicht gefunden.</translation>
    </message>
    <message>
        <source>Not claimed: {reason}</source>
        <translation>Nicht eingelöst: {reason}</translation>
    </message>
    <message>
        <source>Not claimed.</source>
        <translation>Nicht eingelöst.</translation>
    </message>
    <message>
        <source>For {name}: {text}</source>
        <translation>Für {name}: {text}</translation>
    </message>
    <message>
        <source>Claimed for {points}</source>
        <translation>Eingelöst für {points}</translation>
    </message>
    <message>
        <source>Claimed</source>
        <translation>Eingelöst</translation>
    </message>
    <message>
        <source>Not claimed</source>
        <translation>Nicht eingelöst</translation>
    </message>
    <message>
        <source>Claim being checked</source>
        <translation>Einlösung wird geprüft</translation>
    </message>
    <message>
        <source>claimed (waiting in the pickup list): {titles}</source>
        <translation>eingelöst (wartet in der Abholliste): {titles}</translation>
    </message>
    <message>
        <source>not claimed: {titles}</source>
        <translation>nicht eingelöst: {titles}</translation>
    </message>
    <message>
        <source>Earlier unfinished claims were checked with Piggy — {outcomes}.</source>
        <translation>Frühere unfertige Einlösungen wurden bei Piggy geprüft — {outcomes}.</translation>
    </message>
    <message>
        <source>Claim with points…</source>
        <translation>Mit Punkten einlösen…</translation>
    </message>
    <message>
        <source>Rewards this customer can claim with their points</source>
        <translation>Prämien, die dieser Kunde mit Punkten einlösen kann</translation>
    </message>
    <message>
        <source>Claiming {title}…</source>
        <translation>{title} wird eingelöst…</translation>
    </message>
    <message>
        <source>The shop&apos;s rewards could not be loaded.</source>
        <translation>Die Prämien des Geschäfts konnten nicht geladen werden.</translation>
    </message>
    <message>
        <source>Close the camera</source>
        <extracomment>Makes the picture source for a new camera view (which takes it as its child).</extracomment>
        <translation>Kamera schließen</translation>
    </message>
    <message>
        <source>Camera</source>
        <extracomment>Makes the source of each new view (tests and the screenshots hand in still pictures).</extracomment>
        <translation>Kamera</translation>
    </message>
    <message>
        <source>Read the customer&apos;s QR code or card with the camera</source>
        <translation>QR-Code oder Karte des Kunden mit der Kamera lesen</translation>
    </message>
    <message>
        <source>No camera found</source>
        <extracomment>How long the viewfinder stays green after a read. Not running: the view is not on screen. A code was read just now (the viewfinder is green). There is no camera (or no way to reach one). The camera or the decoder stopped working.</extracomment>
        <translation>Keine Kamera gefunden</translation>
    </message>
    <message>
        <source>Please use the scanner, or ask a member of staff.</source>
        <translation>Bitte benutzen Sie den Scanner oder wenden Sie sich an das Personal.</translation>
    </message>
    <message>
        <source>Connect a camera, or scan the card or QR code with the scanner.</source>
        <translation>Schließen Sie eine Kamera an oder scannen Sie die Karte oder den QR-Code mit dem Scanner.</translation>
    </message>
    <message>
        <source>The camera is not working</source>
        <translation>Die Kamera funktioniert nicht</translation>
    </message>
    <message>
        <source>Check its cable, or scan the card or QR code with the scanner.</source>
        <translation>Prüfen Sie das Kabel oder scannen Sie die Karte oder den QR-Code mit dem Scanner.</translation>
    </message>
    <message>
        <source>Hold the QR code of the app in front of the camera</source>
        <translation>Halten Sie den QR-Code aus der App vor die Kamera</translation>
    </message>
    <message>
        <source>Starting the camera…</source>
        <translation>Kamera wird gestartet…</translation>
    </message>
    <message>
        <source>Keep it inside the frame until it turns green.</source>
        <translation>Halten Sie ihn im Rahmen, bis er grün wird.</translation>
    </message>
    <message>
        <source>Code read. One moment…</source>
        <translation>Code gelesen. Einen Moment…</translation>
    </message>
    <message>
        <source>Camera picture</source>
        <translation>Kamerabild</translation>
    </message>
    <message>
        <source>Rewards claimed for pickup here (Ctrl+T)</source>
        <translation>Hier abzuholende eingelöste Prämien (Strg+T)</translation>
    </message>
    <message>
        <source>Refresh</source>
        <extracomment>While the page is open the list is read again this often: new claims show within a minute, and a shop&apos;s 2 to 20 reads an hour per open page stay far below Piggy&apos;s limits. A row&apos;s height: a fingertip&apos;s, and read from arm&apos;s length, as in the other lists. When the reads began to fail (None: the last one worked).</extracomment>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Rewards to prepare</source>
        <translation>Bereitzustellende Prämien</translation>
    </message>
    <message>
        <source>Print pick list…</source>
        <translation>Pickliste drucken…</translation>
    </message>
    <message>
        <source>Print what is not on the shelf yet, on 80 mm receipt paper or A4</source>
        <translation>Drucken, was noch nicht bereitliegt, auf 80-mm-Bonpapier oder A4</translation>
    </message>
    <message>
        <source>Not on the shelf</source>
        <translation>Liegt nicht bereit</translation>
    </message>
    <message>
        <source>Take the mark off the selected rewards: marked by mistake, or put back</source>
        <translation>Den Vermerk von den gewählten Prämien nehmen: versehentlich vermerkt oder zurückgelegt</translation>
    </message>
    <message>
        <source>Ready on the shelf</source>
        <translation>Liegt bereit</translation>
    </message>
    <message>
        <source>Note that the selected rewards are ready on the shelf for their customers</source>
        <translation>Vermerken, dass die gewählten Prämien für ihre Kunden bereitliegen</translation>
    </message>
    <message>
        <source>The list cannot be read on this counter: Piggy or the journal is not set up.</source>
        <translation>Die Liste kann an dieser Kasse nicht gelesen werden: Piggy oder das Protokoll ist nicht eingerichtet.</translation>
    </message>
    <message>
        <source>Loading the list…</source>
        <translation>Die Liste wird geladen…</translation>
    </message>
    <message>
        <source>Nothing to prepare: every claim has been picked up.</source>
        <translation>Nichts bereitzustellen: alles wurde abgeholt.</translation>
    </message>
    <message numerus="yes">
        <source>%n reward(s) claimed for pickup</source>
        <translation>
            <numerusform>%n Prämie zur Abholung eingelöst</numerusform>
            <numerusform>%n Prämien zur Abholung eingelöst</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n on the shelf</source>
        <translation>
            <numerusform>%n liegt bereit</numerusform>
            <numerusform>%n liegen bereit</numerusform>
        </translation>
    </message>
    <message>
        <source>updated {time}</source>
        <translation>aktualisiert {time}</translation>
    </message>
    <message numerus="yes">
        <source>%n expired not shown</source>
        <translation>
            <numerusform>%n abgelaufene nicht gezeigt</numerusform>
            <numerusform>%n abgelaufene nicht gezeigt</numerusform>
        </translation>
    </message>
    <message>
        <source>Only the newest {n} claims were read: the list is longer than that.</source>
        <translation>Nur die neuesten {n} Einlösungen wurden gelesen: die Liste ist länger.</translation>
    </message>
    <message>
        <source>The shop journal cannot be reached: only this counter&apos;s marks are shown.</source>
        <translation>Das Filialprotokoll ist nicht erreichbar: Sie sehen nur die Vermerke dieser Kasse.</translation>
    </message>
    <message>
        <source>{reason} The list shown is from {time}; no answer since {since}.</source>
        <translation>{reason} Die gezeigte Liste ist von {time}; keine Antwort seit {since}.</translation>
    </message>
    <message>
        <source>The pickup journal cannot be read. Ask your IT contact.</source>
        <translation>Das Abholprotokoll kann nicht gelesen werden. Wenden Sie sich an Ihre IT-Betreuung.</translation>
    </message>
    <message numerus="yes">
        <source>%n reward(s) marked ready on the shelf.</source>
        <translation>
            <numerusform>%n Prämie als bereitliegend vermerkt.</numerusform>
            <numerusform>%n Prämien als bereitliegend vermerkt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n reward(s) no longer marked ready on the shelf.</source>
        <translation>
            <numerusform>%n Prämie nicht mehr als bereitliegend vermerkt.</numerusform>
            <numerusform>%n Prämien nicht mehr als bereitliegend vermerkt.</numerusform>
        </translation>
    </message>
    <message>
        <source>The pickup journal cannot be written, so nothing was marked. Ask your IT contact.</source>
        <translation>Das Abholprotokoll kann nicht geschrieben werden, daher wurde nichts vermerkt. Wenden Sie sich an Ihre IT-Betreuung.</translation>
    </message>
    <message>
        <source>The receipt printer ran out of paper during the slip: put in a new roll and print the slip again.</source>
        <translation>Dem Bondrucker ist während des Belegs das Papier ausgegangen: Legen Sie eine neue Rolle ein und drucken Sie den Beleg erneut.</translation>
    </message>
    <message>
        <source>The receipt printer is out of paper: put in a new roll and print again.</source>
        <translation>Der Bondrucker hat kein Papier mehr: Legen Sie eine neue Rolle ein und drucken Sie erneut.</translation>
    </message>
    <message>
        <source>The receipt printer&apos;s cover is open: close it and print again.</source>
        <translation>Die Klappe des Bondruckers ist offen: Schließen Sie sie und drucken Sie erneut.</translation>
    </message>
    <message>
        <source>The receipt printer is not ready: check its paper and cover, then print again.</source>
        <translation>Der Bondrucker ist nicht bereit: Prüfen Sie Papier und Klappe und drucken Sie dann erneut.</translation>
    </message>
    <message>
        <source>The receipt printer ({printer}) does not answer: check that it is on and connected, then print again.</source>
        <translation>Der Bondrucker ({printer}) antwortet nicht: Prüfen Sie, ob er eingeschaltet und angeschlossen ist, und drucken Sie dann erneut.</translation>
    </message>
    <message>
        <source>The receipt printer ({printer}) is not connected to this PC.</source>
        <translation>Der Bondrucker ({printer}) ist nicht an diesen PC angeschlossen.</translation>
    </message>
    <message>
        <source>This PC does not let the app use the receipt printer ({printer}): ask your IT contact.</source>
        <translation>Dieser PC lässt die App den Bondrucker ({printer}) nicht benutzen: Fragen Sie Ihren IT-Ansprechpartner.</translation>
    </message>
    <message>
        <source>This PC lacks the USB support the receipt printer needs (libusb): ask your IT contact.</source>
        <translation>Diesem PC fehlt die USB-Unterstützung, die der Bondrucker braucht (libusb): Fragen Sie Ihren IT-Ansprechpartner.</translation>
    </message>
    <message>
        <source>The connection to the receipt printer ({printer}) broke: the slip may be incomplete. Print it again.</source>
        <translation>Die Verbindung zum Bondrucker ({printer}) ist abgebrochen: Der Beleg ist vielleicht unvollständig. Drucken Sie ihn erneut.</translation>
    </message>
    <message>
        <source>SCANNER TEST</source>
        <translation>SCANNERTEST</translation>
    </message>
    <message>
        <source>Scan these codes with this counter&apos;s scanner on the Test the scanner page. This is no customer&apos;s code.</source>
        <translation>Scannen Sie diese Codes mit dem Scanner dieser Kasse auf der Seite Scanner testen. Dies ist kein Kundencode.</translation>
    </message>
    <message>
        <source>Scanner test codes</source>
        <translation>Testcodes für den Scanner</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>The data folder {folder} cannot be written by this user account, so hand-overs are switched off: nothing could be recorded. Ask your IT contact.</source>
        <extracomment>Seconds the work that waits for the window&apos;s first paint waits at most.</extracomment>
        <translation>Der Datenordner {folder} kann von diesem Benutzerkonto nicht beschrieben werden, daher sind Übergaben abgeschaltet: Es könnte nichts erfasst werden. Wenden Sie sich an Ihre IT-Betreuung.</translation>
    </message>
    <message>
        <source>The pickup journal cannot be opened ({error}), so hand-overs are switched off. Ask your IT contact.</source>
        <translation>Das Abholprotokoll kann nicht geöffnet werden ({error}), daher sind Übergaben abgeschaltet. Wenden Sie sich an Ihre IT-Betreuung.</translation>
    </message>
    <message>
        <source>The pickup journal is damaged: SQLite&apos;s check found errors in the file, so hand-overs are switched off. Ask your IT contact.</source>
        <translation>Das Abholprotokoll ist beschädigt: Die Prüfung von SQLite hat Fehler in der Datei gefunden, daher sind Übergaben abgeschaltet. Wenden Sie sich an Ihre IT-Betreuung.</translation>
    </message>
    <message>
        <source>the key that protects them is missing or unreadable</source>
        <translation>der Schlüssel, der sie schützt, fehlt oder ist unlesbar</translation>
    </message>
    <message>
        <source>the staff list was protected with another key than this computer&apos;s</source>
        <translation>die Personalliste wurde mit einem anderen Schlüssel geschützt als dem dieses Computers</translation>
    </message>
    <message>
        <source>the staff list cannot be opened</source>
        <translation>die Personalliste kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>the staff list is empty although staff worked here: it must be restored from a backup, or started afresh</source>
        <translation>die Personalliste ist leer, obwohl hier Personal gearbeitet hat: Sie muss aus einer Sicherung wiederhergestellt oder neu begonnen werden</translation>
    </message>
    <message>
        <source>Staff PINs cannot be checked on this counter ({reason}), so staff sign-in, manager approval and leaving kiosk mode do not work. Ask your IT contact.</source>
        <translation>Personal-PINs können an dieser Kasse nicht geprüft werden ({reason}), daher funktionieren Personal-Anmeldung, Freigabe durch die Filialleitung und das Verlassen des Kioskmodus nicht. Wenden Sie sich an Ihre IT-Betreuung.</translation>
    </message>
</context>
<context>
    <name>ClaimConfirmDialog</name>
    <message>
        <source>Claim with points</source>
        <translation>Mit Punkten einlösen</translation>
    </message>
    <message>
        <source>Points now</source>
        <translation>Punkte jetzt</translation>
    </message>
    <message>
        <source>This reward</source>
        <translation>Diese Prämie</translation>
    </message>
    <message>
        <source>After the claim</source>
        <translation>Nach dem Einlösen</translation>
    </message>
    <message>
        <source>The customer is here and agrees to spend these points</source>
        <translation>Der Kunde ist hier und ist mit dem Einlösen dieser Punkte einverstanden</translation>
    </message>
    <message>
        <source>Claim</source>
        <translation>Einlösen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>unbekannt</translation>
    </message>
</context>
<context>
    <name>ClaimListDialog</name>
    <message>
        <source>Rewards they can claim</source>
        <translation>Einlösbare Prämien</translation>
    </message>
    <message>
        <source>Rewards {name} can claim</source>
        <translation>Prämien, die {name} einlösen kann</translation>
    </message>
    <message>
        <source>Claim…</source>
        <translation>Einlösen…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Loading the shop&apos;s rewards…</source>
        <translation>Die Prämien des Geschäfts werden geladen…</translation>
    </message>
    <message>
        <source>This shop has no rewards to claim at the counter.</source>
        <translation>Dieses Geschäft hat keine Prämien, die an der Theke eingelöst werden können.</translation>
    </message>
</context>
<context>
    <name>ClaimListView</name>
    <message>
        <source>Rewards to claim</source>
        <translation>Einlösbare Prämien</translation>
    </message>
</context>
<context>
    <name>CodeEntry</name>
    <message>
        <source>Code from the email</source>
        <translation>Code aus der E-Mail</translation>
    </message>
    <message>
        <source>Check code</source>
        <translation>Code prüfen</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>Erneut senden</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>We emailed a code to {email}. Ask the customer to read it out.</source>
        <extracomment>Digits for touch screens (kiosk mode); the field keeps the keyboard focus.</extracomment>
        <translation>Wir haben einen Code an {email} gesendet. Bitten Sie die Person, ihn vorzulesen.</translation>
    </message>
</context>
<context>
    <name>CounterScreen</name>
    <message>
        <source>Code sent. Type the code the customer reads from the email.</source>
        <extracomment>The task key of a lookup: a new scan replaces the one running. The task key of asking again what the customer on screen can pick up. How long the programs wait for the list before they are asked anyway: one frame. Contact and rewards mostly come back together, and the cashier needs the list first.</extracomment>
        <translation>Code gesendet. Geben Sie den Code ein, den die Person aus der E-Mail vorliest.</translation>
    </message>
</context>
<context>
    <name>CustomerHeader</name>
    <message>
        <source>Earlier pickups</source>
        <translation>Frühere Abholungen</translation>
    </message>
    <message>
        <source>This customer&apos;s pickups at this counter</source>
        <translation>Abholungen dieses Kundenkontos an dieser Kasse</translation>
    </message>
    <message>
        <source>{points} Piggy points</source>
        <translation>{points} Piggy-Punkte</translation>
    </message>
</context>
<context>
    <name>FirstManagerDialog</name>
    <message>
        <source>Create the first manager</source>
        <translation>Erste Filialleitung anlegen</translation>
    </message>
    <message>
        <source>This needs a manager, and no manager is set up on this counter yet. Create the first one now: managers approve reversals and manage staff and their PINs.</source>
        <translation>Dafür ist eine Filialleitung nötig, und an dieser Kasse ist noch keine eingerichtet. Legen Sie jetzt die erste an: Die Filialleitung gibt Stornierungen frei und verwaltet das Personal und dessen PINs.</translation>
    </message>
    <message>
        <source>Manager&apos;s name</source>
        <translation>Name der Filialleitung</translation>
    </message>
    <message>
        <source>Create manager</source>
        <translation>Filialleitung anlegen</translation>
    </message>
    <message>
        <source>Type the manager&apos;s name.</source>
        <translation>Geben Sie den Namen der Filialleitung ein.</translation>
    </message>
</context>
<context>
    <name>HandOverDialog</name>
    <message>
        <source>Hand over</source>
        <translation>Übergeben</translation>
    </message>
    <message>
        <source>Rewards to hand over</source>
        <translation>Zu übergebende Prämien</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Hand over this reward to {name}?</source>
        <translation>Diese Prämie an {name} übergeben?</translation>
    </message>
    <message>
        <source>Hand over these {n} rewards to {name}?</source>
        <translation>Diese {n} Prämien an {name} übergeben?</translation>
    </message>
</context>
<context>
    <name>HandOverRow</name>
    <message>
        <source> of {n}</source>
        <extracomment>The side of a reward&apos;s picture in the confirmation. Rows shown without scrolling; more scroll. What tells this one from its kind (&quot;Size 39-42&quot;): the cashier checks it.</extracomment>
        <translation> von {n}</translation>
    </message>
    <message>
        <source>How many {title}</source>
        <translation>Anzahl {title}</translation>
    </message>
</context>
<context>
    <name>JournalHealthBanner</name>
    <message>
        <source>Acknowledge…</source>
        <translation>Bestätigen…</translation>
    </message>
    <message>
        <source>A manager confirms with their PIN</source>
        <translation>Die Filialleitung bestätigt mit ihrer PIN</translation>
    </message>
    <message>
        <source>Hand-overs are held until a manager has seen this and acknowledges it.</source>
        <translation>Übergaben sind angehalten, bis die Filialleitung dies gesehen und bestätigt hat.</translation>
    </message>
    <message>
        <source>No manager profile is set up on this counter, so it cannot be acknowledged here. Ask your IT contact.</source>
        <translation>An dieser Kasse ist kein Profil für die Filialleitung eingerichtet, daher kann dies hier nicht bestätigt werden. Wenden Sie sich an Ihre IT-Betreuung.</translation>
    </message>
    <message>
        <source>A manager acknowledges the journal problem with their PIN.</source>
        <translation>Die Filialleitung bestätigt das Protokollproblem mit ihrer PIN.</translation>
    </message>
    <message>
        <source>The acknowledgement could not be recorded in the journal, so hand-overs stay held. Ask your IT contact.</source>
        <translation>Die Bestätigung konnte nicht im Protokoll erfasst werden, daher bleiben Übergaben angehalten. Wenden Sie sich an Ihre IT-Betreuung.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>DEMO</source>
        <extracomment>Task keys: a new task under a key replaces the one running.</extracomment>
        <translation>DEMO</translation>
    </message>
    <message>
        <source>This counter is not ready yet. Please ask a member of staff.</source>
        <translation>Diese Kasse ist noch nicht bereit. Bitte wenden Sie sich an das Personal.</translation>
    </message>
    <message>
        <source>Piggy is not connected — ask a manager to open Settings.</source>
        <translation>Piggy ist nicht verbunden – die Filialleitung muss die Einstellungen öffnen.</translation>
    </message>
    <message>
        <source>Acknowledged by {name}; hand-overs can start again.</source>
        <translation>Bestätigt von {name}; Übergaben sind wieder möglich.</translation>
    </message>
    <message>
        <source>Hand-overs checked</source>
        <translation>Übergaben geprüft</translation>
    </message>
    <message>
        <source>Customer&apos;s mailbox</source>
        <translation>Kundenpostfach</translation>
    </message>
</context>
<context>
    <name>NewPinFields</name>
    <message>
        <source>PIN again</source>
        <extracomment>The dialogs put their own rows (name, role) in here, so every field lines up.</extracomment>
        <translation>PIN wiederholen</translation>
    </message>
    <message>
        <source>PIN ({min}–{max} digits)</source>
        <translation>PIN ({min}–{max} Ziffern)</translation>
    </message>
    <message>
        <source>The two PINs are not the same. Type them again.</source>
        <translation>Die beiden PINs stimmen nicht überein. Geben Sie sie erneut ein.</translation>
    </message>
</context>
<context>
    <name>PinCheckDialog</name>
    <message>
        <source>Checking…</source>
        <translation>Wird geprüft…</translation>
    </message>
    <message>
        <source>The PIN could not be checked: the staff list cannot be read. Ask your IT contact.</source>
        <translation>Die PIN konnte nicht geprüft werden: Die Personalliste kann nicht gelesen werden. Wenden Sie sich an Ihre IT-Betreuung.</translation>
    </message>
    <message>
        <source>The PIN could not be checked. Try again.</source>
        <translation>Die PIN konnte nicht geprüft werden. Versuchen Sie es erneut.</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <source>Your name</source>
        <extracomment>The check that accepted the PIN (says e.g. whether the PIN is too short now).</extracomment>
        <translation>Ihr Name</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>A PIN has {min} to {max} digits.</source>
        <translation>Eine PIN hat {min} bis {max} Ziffern.</translation>
    </message>
</context>
<context>
    <name>PinEntry</name>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>You can type a PIN again.</source>
        <translation>Sie können wieder eine PIN eingeben.</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <source>Clear</source>
        <extracomment>Keys of the one-row pad (under a field that has little room above and below).</extracomment>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>Delete last digit</source>
        <translation>Letzte Ziffer löschen</translation>
    </message>
</context>
<context>
    <name>PrinterChoice</name>
    <message>
        <source>Slip printer</source>
        <translation>Belegdrucker</translation>
    </message>
    <message>
        <source>80 mm receipt</source>
        <translation>80-mm-Bon</translation>
    </message>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>Papier</translation>
    </message>
    <message>
        <source>none · 192.168.1.50 · usb://04b8:0202 · serial:///dev/ttyUSB0 · queue://NAME</source>
        <translation>keiner · 192.168.1.50 · usb://04b8:0202 · serial:///dev/ttyUSB0 · queue://NAME</translation>
    </message>
    <message>
        <source>A receipt printer that speaks ESC/POS prints slips directly: its network address (port 9100), usb://VENDOR:PRODUCT, serial://PORT, or queue://NAME for a raw print queue. Empty: slips go to the slip printer above.</source>
        <translation>Ein Bondrucker, der ESC/POS spricht, druckt Belege direkt: seine Netzwerkadresse (Port 9100), usb://HERSTELLER:PRODUKT, serial://PORT oder queue://NAME für eine Rohdaten-Druckwarteschlange. Leer: Belege gehen an den Belegdrucker oben.</translation>
    </message>
    <message>
        <source>Receipt printer (ESC/POS)</source>
        <translation>Bondrucker (ESC/POS)</translation>
    </message>
    <message>
        <source>58 mm (32 characters a line)</source>
        <translation>58 mm (32 Zeichen pro Zeile)</translation>
    </message>
    <message>
        <source>80 mm (48 characters a line)</source>
        <translation>80 mm (48 Zeichen pro Zeile)</translation>
    </message>
    <message>
        <source>80 mm, 180 dpi (42 characters a line, e.g. Epson TM-T88)</source>
        <translation>80 mm, 180 dpi (42 Zeichen pro Zeile, z. B. Epson TM-T88)</translation>
    </message>
    <message>
        <source>Receipt paper</source>
        <translation>Bonpapier</translation>
    </message>
    <message>
        <source>The printer prints QR codes itself (untick if the test slip has none)</source>
        <translation>Der Drucker druckt QR-Codes selbst (abwählen, wenn der Testbeleg keinen hat)</translation>
    </message>
    <message>
        <source>Print a test slip</source>
        <translation>Testbeleg drucken</translation>
    </message>
    <message>
        <source>The receipt printer&apos;s address is not usable. Write it as 192.168.1.50 (a network printer), usb://VENDOR:PRODUCT, serial://PORT or queue://NAME.</source>
        <translation>Die Adresse des Bondruckers ist nicht verwendbar. Schreiben Sie sie als 192.168.1.50 (ein Netzwerkdrucker), usb://HERSTELLER:PRODUKT, serial://PORT oder queue://NAME.</translation>
    </message>
    <message>
        <source>The system&apos;s default printer</source>
        <translation>Standarddrucker des Systems</translation>
    </message>
    <message>
        <source>{printer} (not found on this PC)</source>
        <translation>{printer} (an diesem PC nicht gefunden)</translation>
    </message>
    <message>
        <source>Printing a test slip on {printer}…</source>
        <translation>Testbeleg wird auf {printer} gedruckt…</translation>
    </message>
    <message>
        <source>Sent to the receipt printer ({printer}). Check its QR code and cut.</source>
        <translation>An den Bondrucker ({printer}) gesendet. Prüfen Sie QR-Code und Schnitt.</translation>
    </message>
    <message>
        <source>{missing} Choose another printer.</source>
        <translation>{missing} Wählen Sie einen anderen Drucker.</translation>
    </message>
    <message>
        <source>The test slip could not be printed on {printer} ({error}).</source>
        <translation>Der Testbeleg konnte nicht gedruckt werden ({printer}: {error}).</translation>
    </message>
    <message>
        <source>the system&apos;s default printer</source>
        <translation>Standarddrucker des Systems</translation>
    </message>
    <message>
        <source>Sent to {printer}.</source>
        <translation>Gesendet an: {printer}.</translation>
    </message>
</context>
<context>
    <name>ProgressPanel</name>
    <message>
        <source>reward: {name} ({state})</source>
        <extracomment>The countdowns (&quot;3 hours left&quot;) are refreshed this often while on screen.</extracomment>
        <translation>Prämie: {name} ({state})</translation>
    </message>
    <message>
        <source>Reward: {name}</source>
        <extracomment>Under each card: its name (up to two lines), then its rarity. Lines a card&apos;s name may take under it.</extracomment>
        <translation>Prämie: {name}</translation>
    </message>
    <message>
        <source>×{n}</source>
        <translation>×{n}</translation>
    </message>
    <message>
        <source>Giftoin collection challenges</source>
        <translation>Giftoin-Sammelaktionen</translation>
    </message>
    <message>
        <source>No collection challenges.</source>
        <translation>Keine Sammelaktionen.</translation>
    </message>
    <message>
        <source>Giftoin collections</source>
        <translation>Giftoin-Sammlungen</translation>
    </message>
    <message>
        <source>featured</source>
        <translation>empfohlen</translation>
    </message>
    <message>
        <source>affordable</source>
        <translation>genug Punkte</translation>
    </message>
    <message>
        <source>★ Featured</source>
        <translation>★ Empfohlen</translation>
    </message>
    <message>
        <source>Affordable</source>
        <translation>Genug Punkte</translation>
    </message>
    <message>
        <source>Nudj rewards</source>
        <translation>Nudj-Prämien</translation>
    </message>
    <message>
        <source>No rewards in the Nudj catalogue right now.</source>
        <translation>Zurzeit keine Prämien im Nudj-Katalog.</translation>
    </message>
    <message>
        <source>Progress in other programs</source>
        <extracomment>Where the collapsed state is kept in the window&apos;s QSettings. The panel&apos;s width when room is short: the rewards list beside it has the priority (theme.Layout: beyond their minimums the two share the width by stretch factors). Set rather than taken from the contents: sections switching between a line of text and a list would otherwise change the window&apos;s minimum size, and with it lay out the whole window again, on every load.</extracomment>
        <translation>Fortschritt in anderen Programmen</translation>
    </message>
    <message>
        <source>Progress</source>
        <extracomment>Top to bottom, as on screen.</extracomment>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Show the customer&apos;s progress</source>
        <translation>Kundenfortschritt anzeigen</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Ausblenden</translation>
    </message>
    <message>
        <source>Hide the customer&apos;s progress</source>
        <translation>Kundenfortschritt ausblenden</translation>
    </message>
    <message>
        <source>Loading…</source>
        <extracomment>What a program&apos;s service call returns when the customer is linked. The section&apos;s share of the panel&apos;s height while it takes room (see ``takes_room``).</extracomment>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Not available right now</source>
        <translation>Zurzeit nicht verfügbar</translation>
    </message>
    <message>
        <source>Not linked</source>
        <translation>Nicht verknüpft</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>No end date</source>
        <translation>Kein Enddatum</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Common</source>
        <translation>Gewöhnlich</translation>
    </message>
    <message>
        <source>Uncommon</source>
        <translation>Ungewöhnlich</translation>
    </message>
    <message>
        <source>Rare</source>
        <translation>Selten</translation>
    </message>
    <message>
        <source>Epic</source>
        <translation>Episch</translation>
    </message>
    <message>
        <source>Legendary</source>
        <translation>Legendär</translation>
    </message>
    <message>
        <source>Claimable</source>
        <translation>Einlösbar</translation>
    </message>
    <message>
        <source>Claimed</source>
        <translation>Eingelöst</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Gesperrt</translation>
    </message>
    <message>
        <source>{collected} / {size}</source>
        <translation>{collected} / {size}</translation>
    </message>
    <message>
        <source>{percent}%</source>
        <translation>{percent} %</translation>
    </message>
    <message>
        <source>{price} points</source>
        <translation>{price} Punkte</translation>
    </message>
    <message>
        <source>{points} / {price} points</source>
        <translation>{points} / {price} Punkte</translation>
    </message>
    <message>
        <source>Sold out</source>
        <translation>Ausverkauft</translation>
    </message>
    <message>
        <source>{n} left</source>
        <translation>noch {n} verfügbar</translation>
    </message>
    <message>
        <source>owned: {n}</source>
        <translation>im Besitz: {n}</translation>
    </message>
    <message>
        <source>entries: {n}</source>
        <translation>Teilnahmen: {n}</translation>
    </message>
    <message>
        <source>{n} Nudj points</source>
        <translation>{n} Nudj-Punkte</translation>
    </message>
    <message>
        <source>{n} XP</source>
        <translation>{n} XP</translation>
    </message>
    <message>
        <source>{program} is not set up on this counter.</source>
        <extracomment>How the platforms Giftoin knows customers by are written (the setting is lower case).</extracomment>
        <translation>{program} ist an dieser Kasse nicht eingerichtet.</translation>
    </message>
    <message>
        <source>Giftoin finds customers by their {platform} account, and this customer has not linked one to their loyalty account yet.</source>
        <translation>Giftoin findet Kunden über ihr {platform}-Konto, und für dieses Kundenkonto ist noch keines verknüpft.</translation>
    </message>
    <message>
        <source>This customer&apos;s loyalty account is not linked to {program} yet.</source>
        <translation>Dieses Kundenkonto ist noch nicht mit {program} verknüpft.</translation>
    </message>
    <message>
        <source>This customer&apos;s {program} id was not found (looked up by: {source}).</source>
        <translation>Die {program}-ID dieses Kundenkontos wurde nicht gefunden (gesucht über: {source}).</translation>
    </message>
    <message>
        <source>This customer&apos;s {program} id was not found.</source>
        <translation>Die {program}-ID dieses Kundenkontos wurde nicht gefunden.</translation>
    </message>
    <message>
        <source>{program} does not know this customer.</source>
        <translation>{program} kennt dieses Kundenkonto nicht.</translation>
    </message>
    <message>
        <source>{program} did not answer in time.</source>
        <translation>{program} hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <source>No connection to {program}.</source>
        <translation>Keine Verbindung zu {program}.</translation>
    </message>
    <message>
        <source>{program} refused this counter&apos;s key. Ask a manager to open Settings and check {program}.</source>
        <translation>{program} hat den Schlüssel dieser Kasse abgelehnt. Die Filialleitung muss in den Einstellungen {program} prüfen.</translation>
    </message>
    <message>
        <source>{program} is in maintenance. Try again {wait}.</source>
        <translation>{program} wird gewartet. Versuchen Sie es {wait} erneut.</translation>
    </message>
    <message>
        <source>{program} is busy. Try again {wait}.</source>
        <translation>{program} ist ausgelastet. Versuchen Sie es {wait} erneut.</translation>
    </message>
    <message>
        <source>{program} sent an answer the app does not understand.</source>
        <translation>{program} hat eine Antwort gesendet, die die App nicht versteht.</translation>
    </message>
    <message>
        <source>{program} had a problem.</source>
        <translation>{program} hatte ein Problem.</translation>
    </message>
    <message>
        <source>{program} could not be shown.</source>
        <translation>{program} konnte nicht angezeigt werden.</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Karte</translation>
    </message>
    <message>
        <source>not owned</source>
        <translation>nicht im Besitz</translation>
    </message>
</context>
<context>
    <name>RecentPickupsModel</name>
    <message>
        <source>Time</source>
        <extracomment>The day in the date field. Who handed it over. For a reversed pickup (or one whose reversal is being checked): why, and who approved it. Where it was handed over; only while the list is the whole shop&apos;s.</extracomment>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Reward</source>
        <translation>Prämie</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Handed over by</source>
        <translation>Übergeben von</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Reversal reason</source>
        <translation>Stornogrund</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>Freigegeben von</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>Kasse</translation>
    </message>
    <message>
        <source>Slip code</source>
        <translation>Belegcode</translation>
    </message>
    <message>
        <source>{state} (from the list)</source>
        <translation>{state} (aus der Liste)</translation>
    </message>
    <message>
        <source>Customer: {name} ({uuid})</source>
        <translation>Kunde: {name} ({uuid})</translation>
    </message>
    <message>
        <source>Handed over {when} at {counter}</source>
        <translation>Übergeben: {when}, Kasse {counter}</translation>
    </message>
    <message>
        <source>On the slip {code} with other rewards</source>
        <translation>Auf dem Beleg {code} mit anderen Prämien</translation>
    </message>
    <message>
        <source>Not confirmed by Piggy&apos;s answer: learned later from the customer&apos;s list of rewards to pick up.</source>
        <translation>Nicht durch die Antwort von Piggy bestätigt: später aus der Abholliste des Kundenkontos erschlossen.</translation>
    </message>
    <message>
        <source>Confirmed by a later check: reverse it in the Piggy dashboard.</source>
        <translation>Durch eine spätere Prüfung bestätigt: im Piggy-Dashboard stornieren.</translation>
    </message>
    <message>
        <source>Claimed with points {when} at {counter}: it is not a hand-over</source>
        <translation>Mit Punkten eingelöst am {when} an {counter}: es ist keine Übergabe</translation>
    </message>
    <message>
        <source>Not confirmed by Piggy&apos;s answer: learned later from the customer&apos;s transactions.</source>
        <translation>Nicht durch Piggys Antwort bestätigt: später aus den Transaktionen des Kunden ermittelt.</translation>
    </message>
</context>
<context>
    <name>RecentPickupsView</name>
    <message>
        <source>Today</source>
        <extracomment>Typing in the search field reloads after this pause, not on every key. Rows the view asks the journal for. While the shop&apos;s pickups are shown, they are read again this often (another counter&apos;s hand-over shows within it, plus the time that counter takes to copy it: about a second). (uuid, name) while the list is one customer&apos;s history. The shop&apos;s pickups (shared journal), when set: see :meth:`set_shop`.</extracomment>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Gestern</translation>
    </message>
    <message>
        <source>All days</source>
        <translation>Alle Tage</translation>
    </message>
    <message>
        <source>Choose a day…</source>
        <translation>Tag wählen…</translation>
    </message>
    <message>
        <source>&amp;Day:</source>
        <translation>&amp;Tag:</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>The day shown</source>
        <translation>Der angezeigte Tag</translation>
    </message>
    <message>
        <source>Search recent pickups</source>
        <translation>Letzte Abholungen durchsuchen</translation>
    </message>
    <message>
        <source>Reward, customer name, staff or slip code (PU-…)</source>
        <translation>Prämie, Kundenname, Personal oder Belegcode (PU-…)</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>Kasse</translation>
    </message>
    <message>
        <source>All counters</source>
        <translation>Alle Kassen</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Show all customers</source>
        <translation>Alle Kunden anzeigen</translation>
    </message>
    <message>
        <source>Recent pickups</source>
        <translation>Letzte Abholungen</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <source>Save the pickups shown as a CSV file</source>
        <translation>Die angezeigten Abholungen als CSV-Datei speichern</translation>
    </message>
    <message>
        <source>Reprint slip…</source>
        <translation>Beleg nachdrucken…</translation>
    </message>
    <message>
        <source>Print the slip of the selected pickup&apos;s hand-over again</source>
        <translation>Den Beleg der Übergabe zur gewählten Abholung erneut drucken</translation>
    </message>
    <message>
        <source>Reverse…</source>
        <translation>Stornieren…</translation>
    </message>
    <message>
        <source>No pickup {ref} was made at this counter, and the shop&apos;s other counters cannot be asked right now (the shop journal cannot be reached).</source>
        <translation>An dieser Kasse gab es keine Abholung {ref}, und die anderen Kassen der Filiale können gerade nicht gefragt werden (das Filialprotokoll ist nicht erreichbar).</translation>
    </message>
    <message>
        <source>No pickup {ref} was made at any counter of this shop.</source>
        <translation>An keiner Kasse dieser Filiale gab es eine Abholung {ref}.</translation>
    </message>
    <message>
        <source>No pickup {ref} was made at this counter.</source>
        <translation>An dieser Kasse gab es keine Abholung {ref}.</translation>
    </message>
    <message numerus="yes">
        <source>Slip {code}: %n reward(s) handed over together.</source>
        <translation>
            <numerusform>Beleg {code}: %n Prämie übergeben.</numerusform>
            <numerusform>Beleg {code}: %n Prämien zusammen übergeben.</numerusform>
        </translation>
    </message>
    <message>
        <source>Earlier pickups of {name}</source>
        <translation>Frühere Abholungen von {name}</translation>
    </message>
    <message>
        <source>No pickups match.</source>
        <translation>Keine passenden Abholungen.</translation>
    </message>
    <message>
        <source>No earlier pickups of this customer.</source>
        <translation>Keine früheren Abholungen dieses Kundenkontos.</translation>
    </message>
    <message>
        <source>No pickups on this day.</source>
        <translation>Keine Abholungen an diesem Tag.</translation>
    </message>
    <message>
        <source>The shop journal cannot be reached: only this counter&apos;s pickups are shown until it is back.</source>
        <translation>Das Filialprotokoll ist nicht erreichbar: Bis es wieder da ist, sehen Sie nur die Abholungen dieser Kasse.</translation>
    </message>
    <message>
        <source>The pickup journal cannot be read. Ask your IT contact.</source>
        <translation>Das Abholprotokoll kann nicht gelesen werden. Wenden Sie sich an Ihre IT-Betreuung.</translation>
    </message>
    <message>
        <source>Reversing is not available on this counter right now (the journal or the staff list cannot be opened). Ask your IT contact.</source>
        <translation>Stornieren ist an dieser Kasse gerade nicht möglich (das Protokoll oder die Personalliste kann nicht geöffnet werden). Wenden Sie sich an Ihre IT-Betreuung.</translation>
    </message>
    <message>
        <source>Reversing needs a manager. Nothing was changed.</source>
        <translation>Zum Stornieren ist die Filialleitung nötig. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Refunding the points…</source>
        <translation>Punkte werden erstattet…</translation>
    </message>
    <message>
        <source>Reversing…</source>
        <translation>Wird storniert…</translation>
    </message>
    <message>
        <source>No slip: nothing of this hand-over is handed over any more.</source>
        <translation>Kein Beleg: Von dieser Übergabe gilt nichts mehr als übergeben.</translation>
    </message>
    <message>
        <source>The file {path} could not be written: {reason}</source>
        <translation>Die Datei {path} konnte nicht geschrieben werden: {reason}</translation>
    </message>
    <message numerus="yes">
        <source>%n pickup(s) exported to {path}.</source>
        <translation>
            <numerusform>%n Abholung nach {path} exportiert.</numerusform>
            <numerusform>%n Abholungen nach {path} exportiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export the pickups shown</source>
        <translation>Angezeigte Abholungen exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>The pickup journal cannot be written, so nothing was sent. Ask your IT contact.</source>
        <translation>Das Abholprotokoll kann nicht geschrieben werden, daher wurde nichts gesendet. Wenden Sie sich an Ihre IT-Betreuung.</translation>
    </message>
</context>
<context>
    <name>ReverseDialog</name>
    <message>
        <source>Returned</source>
        <translation>Zurückgegeben</translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation>Beschädigt</translation>
    </message>
    <message>
        <source>Wrong item</source>
        <translation>Falscher Artikel</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Sonstiges</translation>
    </message>
    <message>
        <source>Mis-tap, undone at the counter</source>
        <translation>Fehlgriff, an der Kasse rückgängig gemacht</translation>
    </message>
    <message>
        <source>Reverse a pickup</source>
        <translation>Abholung stornieren</translation>
    </message>
    <message>
        <source>this reward</source>
        <translation>dieser Prämie</translation>
    </message>
    <message>
        <source>{title} came back: what does the return mean?</source>
        <translation>{title} kam zurück: Was bedeutet die Rückgabe?</translation>
    </message>
    <message>
        <source>Reverse the pickup of {title}?</source>
        <translation>Abholung von {title} stornieren?</translation>
    </message>
    <message>
        <source>{ref} · handed over {when} at {counter} by {staff} · customer {customer}</source>
        <translation>{ref} · übergeben {when} an {counter} von {staff} · Kunde {customer}</translation>
    </message>
    <message>
        <source>{ref} · handed over {when} by {staff} · customer {customer}</source>
        <translation>{ref} · übergeben {when} von {staff} · Kunde {customer}</translation>
    </message>
    <message>
        <source>{ref} · handed over {when} at {counter} by {staff} · customer {customer}. The reward goes back to the customer&apos;s rewards to pick up; points are not refunded.</source>
        <translation>{ref} · übergeben {when} an {counter} von {staff} · Kunde {customer}. Die Prämie liegt danach wieder zur Abholung bereit; Punkte werden nicht erstattet.</translation>
    </message>
    <message>
        <source>{ref} · handed over {when} by {staff} · customer {customer}. The reward goes back to the customer&apos;s rewards to pick up; points are not refunded.</source>
        <translation>{ref} · übergeben {when} von {staff} · Kunde {customer}. Die Prämie liegt danach wieder zur Abholung bereit; Punkte werden nicht erstattet.</translation>
    </message>
    <message>
        <source>(nobody signed in)</source>
        <translation>(niemand angemeldet)</translation>
    </message>
    <message>
        <source>The return means</source>
        <translation>Die Rückgabe bedeutet</translation>
    </message>
    <message>
        <source>Put it back for pickup</source>
        <translation>Wieder zur Abholung</translation>
    </message>
    <message>
        <source>It is back in the customer&apos;s rewards; the points stay spent.</source>
        <translation>Die Prämie liegt wieder zur Abholung bereit; die Punkte bleiben ausgegeben.</translation>
    </message>
    <message>
        <source>It is back in the customer&apos;s rewards already.</source>
        <translation>Die Prämie liegt bereits wieder zur Abholung bereit.</translation>
    </message>
    <message>
        <source>Refund the points</source>
        <translation>Punkte erstatten</translation>
    </message>
    <message>
        <source>The customer gets the points back; the reward is not picked up.</source>
        <translation>Die Punkte gehen zurück aufs Kundenkonto; die Prämie wird nicht abgeholt.</translation>
    </message>
    <message>
        <source>Why?</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Note (required for Other)</source>
        <translation>Notiz (Pflicht bei „Sonstiges“)</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Manager&apos;s PIN</source>
        <translation>Leitungs-PIN</translation>
    </message>
    <message>
        <source>Reverse</source>
        <translation>Stornieren</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Not from this app: reverse its pickup in the Piggy dashboard.</source>
        <translation>Nicht in dieser App: Stornieren Sie die Abholung im Piggy-Dashboard.</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>Erstatten</translation>
    </message>
    <message>
        <source>Choose why the pickup is reversed.</source>
        <translation>Wählen Sie den Grund für die Stornierung.</translation>
    </message>
    <message>
        <source>Write a short note saying why (required for Other).</source>
        <translation>Schreiben Sie eine kurze Notiz mit dem Grund (Pflicht bei „Sonstiges“).</translation>
    </message>
    <message>
        <source>A manager types their PIN to approve the reversal.</source>
        <translation>Die Filialleitung gibt ihre PIN ein, um die Stornierung freizugeben.</translation>
    </message>
</context>
<context>
    <name>RewardDelegate</name>
    <message>
        <source>Digital</source>
        <extracomment>The badge colours by urgency, from the theme. The &quot;Digital&quot; chip: the information colours, strong, so it is not read as an expiry badge. Up to this many days ahead a reward counts as &quot;expiring soon&quot; (amber). The width a row asks for; in the view, rows always span the viewport.</extracomment>
        <translation>Digital</translation>
    </message>
    <message>
        <source>On the shelf</source>
        <translation>Liegt bereit</translation>
    </message>
    <message>
        <source>Handing over…</source>
        <translation>Wird übergeben…</translation>
    </message>
</context>
<context>
    <name>RewardListHeader</name>
    <message>
        <source>Filter: name, size, colour…</source>
        <translation>Filter: Name, Größe, Farbe…</translation>
    </message>
    <message>
        <source>Filter the rewards by name or attribute (Ctrl+F)</source>
        <translation>Prämien nach Name oder Attribut filtern (Strg+F)</translation>
    </message>
    <message>
        <source>Filter the rewards</source>
        <translation>Prämien filtern</translation>
    </message>
</context>
<context>
    <name>RewardListModel</name>
    <message>
        <source>Expired on {date}</source>
        <translation>Abgelaufen am {date}</translation>
    </message>
    <message>
        <source>Expires today</source>
        <translation>Läuft heute ab</translation>
    </message>
    <message>
        <source>No expiry</source>
        <translation>Kein Ablaufdatum</translation>
    </message>
    <message>
        <source>Claimed {date}</source>
        <translation>Eingelöst am {date}</translation>
    </message>
    <message>
        <source>{name} {value}</source>
        <translation>{name} {value}</translation>
    </message>
    <message>
        <source>Received online, nothing to hand over</source>
        <translation>Online erhalten, nichts zu übergeben</translation>
    </message>
    <message>
        <source>{title} is digital: the customer received it online. There is nothing to hand over at the counter.</source>
        <translation>{title} ist digital: Die Prämie kam online an. An der Kasse gibt es nichts zu übergeben.</translation>
    </message>
    <message>
        <source>{title} expired on {date}: it can no longer be handed over.</source>
        <translation>{title} ist am {date} abgelaufen und kann nicht mehr übergeben werden.</translation>
    </message>
    <message>
        <source>{ready} of {n} ready on the shelf</source>
        <translation>{ready} von {n} liegen bereit</translation>
    </message>
    <message>
        <source>{title} ×{n}</source>
        <translation>{title} ×{n}</translation>
    </message>
</context>
<context>
    <name>RewardListView</name>
    <message>
        <source>Rewards to pick up</source>
        <translation>Prämien zur Abholung</translation>
    </message>
    <message>
        <source>Nothing to pick up for this customer.</source>
        <translation>Keine Prämien zur Abholung.</translation>
    </message>
</context>
<context>
    <name>SlipDialog</name>
    <message>
        <source>Pickup slip</source>
        <translation>Abholbeleg</translation>
    </message>
    <message>
        <source>Print this slip again?</source>
        <translation>Diesen Beleg erneut drucken?</translation>
    </message>
    <message>
        <source>Give the customer a pickup slip?</source>
        <translation>Abholbeleg mitgeben?</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>Papier</translation>
    </message>
    <message>
        <source>{width} mm receipt (receipt printer)</source>
        <translation>{width}-mm-Bon (Bondrucker)</translation>
    </message>
    <message>
        <source>80 mm receipt</source>
        <translation>80-mm-Bon</translation>
    </message>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Drucken…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Als PDF speichern…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>No slip</source>
        <translation>Kein Beleg</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Drucken</translation>
    </message>
    <message>
        <source>Prints on this counter&apos;s printer</source>
        <translation>Druckt auf dem Drucker dieser Kasse</translation>
    </message>
    <message>
        <source>Prints on the receipt printer ({printer})</source>
        <translation>Druckt auf dem Bondrucker ({printer})</translation>
    </message>
    <message>
        <source>Save the slip as PDF</source>
        <translation>Beleg als PDF speichern</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-Dateien (*.pdf)</translation>
    </message>
    <message>
        <source>Saved as {path}.</source>
        <translation>Gespeichert als {path}.</translation>
    </message>
    <message>
        <source>{missing} No slip this time.</source>
        <translation>{missing} Diesmal kein Beleg.</translation>
    </message>
    <message>
        <source>No printer is set up at this counter: no slip this time.</source>
        <translation>An dieser Kasse ist kein Drucker eingerichtet: diesmal kein Beleg.</translation>
    </message>
    <message>
        <source>Printing on the receipt printer…</source>
        <translation>Wird auf dem Bondrucker gedruckt…</translation>
    </message>
    <message>
        <source>Print the pickup slip</source>
        <translation>Abholbeleg drucken</translation>
    </message>
    <message>
        <source>The slip could not be printed or saved ({error}). Try again.</source>
        <translation>Der Beleg konnte nicht gedruckt oder gespeichert werden ({error}). Versuchen Sie es erneut.</translation>
    </message>
</context>
<context>
    <name>StaffDialog</name>
    <message>
        <source>Staff</source>
        <translation>Personal</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Hinzufügen…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Umbenennen…</translation>
    </message>
    <message>
        <source>Make manager</source>
        <translation>Zur Filialleitung</translation>
    </message>
    <message>
        <source>New PIN…</source>
        <translation>Neue PIN…</translation>
    </message>
    <message>
        <source>Deactivate…</source>
        <translation>Deaktivieren…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Make cashier</source>
        <translation>Zur Kassenkraft</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Make {name} a manager? Managers approve reversals and manage staff.</source>
        <translation>{name} zur Filialleitung machen? Die Filialleitung gibt Stornierungen frei und verwaltet das Personal.</translation>
    </message>
    <message>
        <source>Make {name} a cashier? They can no longer approve reversals.</source>
        <translation>{name} zur Kassenkraft machen? Die Person kann dann keine Stornierungen mehr freigeben.</translation>
    </message>
    <message>
        <source>Change role</source>
        <translation>Rolle ändern</translation>
    </message>
    <message>
        <source>Deactivate {name}? They can no longer sign in or approve anything. Pickups they made stay in the journal under their name.</source>
        <translation>{name} deaktivieren? Die Person kann sich dann nicht mehr anmelden oder etwas freigeben. Ihre Abholungen bleiben unter ihrem Namen im Protokoll.</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>Deaktivieren</translation>
    </message>
</context>
<context>
    <name>StaffFormDialog</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Add staff</source>
        <extracomment>Shown above the fields when set (why a new PIN is asked for).</extracomment>
        <translation>Personal hinzufügen</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Umbenennen</translation>
    </message>
    <message>
        <source>New PIN for {name}</source>
        <translation>Neue PIN für {name}</translation>
    </message>
    <message>
        <source>Save PIN</source>
        <translation>PIN speichern</translation>
    </message>
    <message>
        <source>Type a name.</source>
        <translation>Geben Sie einen Namen ein.</translation>
    </message>
</context>
<context>
    <name>StaffTableModel</name>
    <message>
        <source>Name</source>
        <extracomment>The StaffProfile of a row (any column).</extracomment>
        <translation>Name</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation>Deaktiviert</translation>
    </message>
    <message>
        <source>Locked, {duration} left</source>
        <translation>Gesperrt, noch {duration}</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
</context>
<context>
    <name>ToPrepareModel</name>
    <message>
        <source>Reward / customer</source>
        <extracomment>internalId of a reward&apos;s row; a claim&apos;s row carries its reward&apos;s row number + 1. The reward (a reward&apos;s row) or the customer (a claim&apos;s row). On the shelf since when, by whom (a claim); how many are (a reward). The loyalty transaction uuids of the claims the row stands for. Whether every claim of the row is on the shelf.</extracomment>
        <translation>Prämie / Kunde</translation>
    </message>
    <message>
        <source>Claimed</source>
        <translation>Eingelöst</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>On the shelf</source>
        <translation>Liegt bereit</translation>
    </message>
</context>
<context>
    <name>_StaffFormDialog</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
</TS>
