<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>Something went wrong</source>
        <translation>Er ging iets mis</translation>
    </message>
    <message>
        <source>The app met an unexpected problem. The last action may not have finished; nothing was sent twice. If it happens again, tell your IT contact.</source>
        <translation>De app liep tegen een onverwacht probleem aan. De laatste handeling is mogelijk niet afgerond; er is niets twee keer verstuurd. Gebeurt het opnieuw, meld het dan aan je IT-contactpersoon.</translation>
    </message>
    <message>
        <source>DEMO — nothing here is real: a built-in simulator stands in for Piggy, Giftoin and Nudj. Scan {card} to start.</source>
        <translation>DEMO — niets hier is echt: een ingebouwde simulator speelt voor Piggy, Giftoin en Nudj. Scan {card} om te beginnen.</translation>
    </message>
    <message>
        <source>Simulated faults are on (see the guide).</source>
        <translation>Gesimuleerde storingen staan aan (zie de handleiding).</translation>
    </message>
    <message>
        <source>Demo guide</source>
        <translation>Demohandleiding</translation>
    </message>
    <message>
        <source>Demo cards, emails, staff PINs and simulated faults</source>
        <translation>Demokaarten, e-mailadressen, pincodes van medewerkers en gesimuleerde storingen</translation>
    </message>
    <message>
        <source>Customer&apos;s mailbox</source>
        <translation>Mailbox van de klant</translation>
    </message>
    <message>
        <source>Demo only: the email the simulated customer received.</source>
        <translation>Alleen demo: de e-mail die de gesimuleerde klant heeft ontvangen.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <source>about 30 rewards to pick up: fresh, expiring today, this week, expired, without expiry, with and without pictures. Giftoin collections and Nudj rewards beside them; the email gets a login code (Customer&apos;s mailbox).</source>
        <translation>ongeveer 30 op te halen beloningen: nieuw, verloopt vandaag, verloopt deze week, verlopen, zonder vervaldatum, met en zonder afbeelding. Giftoin-verzamelingen en Nudj-beloningen ernaast; het e-mailadres krijgt een inlogcode (Mailbox van de klant).</translation>
    </message>
    <message>
        <source>no rewards, no tier, not in Giftoin or Nudj.</source>
        <translation>geen beloningen, geen niveau, niet bekend bij Giftoin of Nudj.</translation>
    </message>
    <message>
        <source>1,000 rewards to pick up (a long list); Giftoin and Nudj.</source>
        <translation>1.000 op te halen beloningen (een lange lijst); Giftoin en Nudj.</translation>
    </message>
    <message>
        <source>no card, found by email only; three rewards. Giftoin does not know their Discord id; not in Nudj.</source>
        <translation>geen kaart, alleen te vinden via e-mail; drie beloningen. Giftoin kent het Discord-id niet; niet bekend bij Nudj.</translation>
    </message>
    <message>
        <source>a card that belongs to nobody: the counter says it is not linked.</source>
        <translation>een kaart van niemand: de balie meldt dat die niet gekoppeld is.</translation>
    </message>
    <message>
        <source>a lost card that was blocked: the counter says it cannot be used.</source>
        <translation>een verloren kaart die is geblokkeerd: de balie meldt dat die niet gebruikt kan worden.</translation>
    </message>
    <message>
        <source>signing in to Piggy</source>
        <translation>aanmelden bij Piggy</translation>
    </message>
    <message>
        <source>looking up a scanned card</source>
        <translation>een gescande kaart opzoeken</translation>
    </message>
    <message>
        <source>finding a customer by email</source>
        <translation>een klant zoeken via e-mail</translation>
    </message>
    <message>
        <source>sending the email login code</source>
        <translation>de inlogcode per e-mail versturen</translation>
    </message>
    <message>
        <source>checking the email login code</source>
        <translation>de inlogcode uit de e-mail controleren</translation>
    </message>
    <message>
        <source>loading the shop&apos;s name</source>
        <translation>de naam van de winkel laden</translation>
    </message>
    <message>
        <source>loading a customer&apos;s rewards</source>
        <translation>de beloningen van een klant laden</translation>
    </message>
    <message>
        <source>handing a reward over</source>
        <translation>een beloning overhandigen</translation>
    </message>
    <message>
        <source>reversing a pickup</source>
        <translation>een afhaling terugdraaien</translation>
    </message>
    <message>
        <source>loading Giftoin collections</source>
        <translation>Giftoin-verzamelingen laden</translation>
    </message>
    <message>
        <source>loading Giftoin collectibles</source>
        <translation>Giftoin-verzamelobjecten laden</translation>
    </message>
    <message>
        <source>loading Nudj rewards</source>
        <translation>Nudj-beloningen laden</translation>
    </message>
    <message>
        <source>loading the customer&apos;s Nudj points</source>
        <translation>de Nudj-punten van de klant laden</translation>
    </message>
    <message>
        <source>loading pictures</source>
        <translation>afbeeldingen laden</translation>
    </message>
    <message>
        <source>every call</source>
        <translation>elke aanroep</translation>
    </message>
    <message>
        <source>{what}: misbehaves</source>
        <translation>{what}: werkt niet goed</translation>
    </message>
    <message>
        <source>answers late (about {ms} ms)</source>
        <translation>antwoordt laat (ongeveer {ms} ms)</translation>
    </message>
    <message>
        <source>fails with a server error ({status})</source>
        <translation>geeft een serverfout ({status})</translation>
    </message>
    <message>
        <source>says too many requests, try again later</source>
        <translation>meldt te veel verzoeken, probeer het later opnieuw</translation>
    </message>
    <message>
        <source>is down for maintenance</source>
        <translation>is in onderhoud</translation>
    </message>
    <message>
        <source>sends an answer that cannot be read</source>
        <translation>stuurt een antwoord dat niet te lezen is</translation>
    </message>
    <message>
        <source>hangs up without answering</source>
        <translation>verbreekt de verbinding zonder te antwoorden</translation>
    </message>
    <message>
        <source>sends its answer very slowly</source>
        <translation>stuurt het antwoord heel langzaam</translation>
    </message>
    <message>
        <source>never answers (the counter gives up waiting)</source>
        <translation>antwoordt nooit (de balie stopt met wachten)</translation>
    </message>
    <message>
        <source>does it, but the answer is lost on the way: the counter cannot know it happened</source>
        <translation>voert het uit, maar het antwoord raakt onderweg kwijt: de balie kan niet weten dat het gebeurd is</translation>
    </message>
    <message>
        <source>waits until it is released</source>
        <translation>wacht tot het wordt vrijgegeven</translation>
    </message>
    <message>
        <source>{what}: {how}</source>
        <translation>{what}: {how}</translation>
    </message>
    <message numerus="yes">
        <source>(the next %n call(s))</source>
        <translation>
            <numerusform>(de volgende %n aanroep)</numerusform>
            <numerusform>(de volgende %n aanroepen)</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing here is real: a built-in simulator stands in for Piggy, Giftoin and Nudj. Scan or type a card, or type an email, in the scan field.</source>
        <translation>Niets hier is echt: een ingebouwde simulator speelt voor Piggy, Giftoin en Nudj. Scan of typ een kaart, of typ een e-mailadres, in het scanveld.</translation>
    </message>
    <message>
        <source>Demo customers</source>
        <translation>Demoklanten</translation>
    </message>
    <message>
        <source>Demo staff</source>
        <translation>Demomedewerkers</translation>
    </message>
    <message>
        <source>{name} ({role}): PIN {pin}</source>
        <translation>{name} ({role}): pincode {pin}</translation>
    </message>
    <message>
        <source>Simulated faults</source>
        <translation>Gesimuleerde storingen</translation>
    </message>
    <message>
        <source>None: every service answers at once. Start with --fault to try a bad day, e.g. --fault piggy.collect=timeout.</source>
        <translation>Geen: elke dienst antwoordt meteen. Start met --fault om een slechte dag te proberen, bijv. --fault piggy.collect=timeout.</translation>
    </message>
    <message>
        <source>No email has been sent to {email} yet.</source>
        <translation>Er is nog geen e-mail verstuurd naar {email}.</translation>
    </message>
    <message>
        <source>Demo only — the email {email} received says: your login code is {code}.</source>
        <translation>Alleen demo — in de e-mail aan {email} staat: je inlogcode is {code}.</translation>
    </message>
    <message>
        <source>Scan the customer&apos;s card to see the rewards waiting for pickup.</source>
        <translation>Scan de kaart van de klant om de op te halen beloningen te zien.</translation>
    </message>
    <message>
        <source>Nothing to pick up for this customer.</source>
        <extracomment>A progress answer that arrives while the rewards list is still loading waits up to this long, so the list is laid out and painted first; a slow list does not hide the panel. One task key per program: a Retry replaces only its own section&apos;s load.</extracomment>
        <translation>Niets op te halen voor deze klant.</translation>
    </message>
    <message>
        <source>Hand over</source>
        <extracomment>The whole run, from start to exit; then the watchdog ends the process. How long one step may wait for the window (a lookup, a picture, a hand-over). Names in the order a person expects them, whatever the language: what the file dialogs&apos; sorting (ICU&apos;s collation) gives; without ICU&apos;s data &quot;Äpfel&quot; goes last. A 1×1 GIF: Qt can read GIF but not write it. What the dynamic linker says when the PC has no CUPS client library at all.</extracomment>
        <translation>Overhandigen</translation>
    </message>
    <message>
        <source>Hand over every reward that can go (Ctrl+Enter)</source>
        <translation>Alle beloningen overhandigen die mee kunnen (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Klaar</translation>
    </message>
    <message>
        <source>Clear the screen for the next customer</source>
        <translation>Scherm leegmaken voor de volgende klant</translation>
    </message>
    <message>
        <source>Loading the rewards…</source>
        <translation>Beloningen laden…</translation>
    </message>
    <message numerus="yes">
        <source>Hand over all (%n)</source>
        <translation>
            <numerusform>Alles overhandigen (%n)</numerusform>
            <numerusform>Alles overhandigen (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>{n} rewards selected</source>
        <translation>{n} beloningen geselecteerd</translation>
    </message>
    <message>
        <source>Undoing the hand-over…</source>
        <extracomment>The task key of the hand-over: one at a time per counter.</extracomment>
        <translation>Overhandiging ongedaan maken…</translation>
    </message>
    <message>
        <source>Scan, or type and Enter</source>
        <translation>Scan, of typ en druk op Enter</translation>
    </message>
    <message>
        <source>Find the customer (card, QR, email, slip code)</source>
        <translation>Zoek de klant (kaart, QR, e-mail, boncode)</translation>
    </message>
    <message>
        <source>Enter on a reward</source>
        <translation>Enter op een beloning</translation>
    </message>
    <message>
        <source>Hand it over (Enter again to confirm)</source>
        <translation>Overhandigen (nogmaals Enter om te bevestigen)</translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
    <message>
        <source>Hand over all rewards that can go</source>
        <translation>Alle beloningen overhandigen die mee kunnen</translation>
    </message>
    <message>
        <source>Ctrl+A</source>
        <translation>Ctrl+A</translation>
    </message>
    <message>
        <source>Select every reward in the list</source>
        <translation>Alle beloningen in de lijst selecteren</translation>
    </message>
    <message>
        <source>Ctrl+F</source>
        <translation>Ctrl+F</translation>
    </message>
    <message>
        <source>Filter a long list (Escape empties it)</source>
        <translation>Een lange lijst filteren (Esc wist het filter)</translation>
    </message>
    <message>
        <source>Ctrl+L or F6</source>
        <translation>Ctrl+L of F6</translation>
    </message>
    <message>
        <source>Back to the scan field</source>
        <translation>Terug naar het scanveld</translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <source>Recent pickups (managers reverse there)</source>
        <translation>Recente afhalingen (managers draaien daar terug)</translation>
    </message>
    <message>
        <source>Ctrl+T</source>
        <translation>Ctrl+T</translation>
    </message>
    <message>
        <source>To prepare: rewards claimed for pickup here</source>
        <translation>Klaarzetten: hier te halen geclaimde beloningen</translation>
    </message>
    <message>
        <source>Escape</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Cancel the email code; back to the scan field</source>
        <translation>E-mailcode annuleren; terug naar het scanveld</translation>
    </message>
    <message>
        <source>Read the customer&apos;s QR code or card with the camera (Escape closes it)</source>
        <translation>De QR-code of pas van de klant lezen met de camera (Esc sluit hem)</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <source>This help</source>
        <translation>Deze hulp</translation>
    </message>
    <message>
        <source>Spend the customer&apos;s points on a shop reward; it joins their pickup list</source>
        <translation>Punten van de klant besteden aan een beloning; die komt in de ophaallijst</translation>
    </message>
    <message>
        <source>Put it back for pickup, or refund the points (a manager&apos;s PIN)</source>
        <translation>Weer klaarzetten of de punten teruggeven (managerpincode)</translation>
    </message>
    <message>
        <source>Rewards claimed for pickup here; mark what is ready on the shelf</source>
        <translation>Hier af te halen claims; markeer wat klaar op de plank ligt</translation>
    </message>
    <message>
        <source>Reverse… (Recent pickups)</source>
        <translation>Terugdraaien… (Recente afhalingen)</translation>
    </message>
    <message>
        <source>To prepare (Ctrl+T)</source>
        <translation>Klaarzetten (Ctrl+T)</translation>
    </message>
    <message>
        <source>Expires today</source>
        <translation>Verloopt vandaag</translation>
    </message>
    <message>
        <source>Orange: hand it over today or it is gone</source>
        <translation>Oranje: vandaag overhandigen, anders vervalt hij</translation>
    </message>
    <message>
        <source>Expires in 3 days</source>
        <translation>Verloopt over 3 dagen</translation>
    </message>
    <message>
        <source>Amber within a week, grey later</source>
        <translation>Amber binnen een week, later grijs</translation>
    </message>
    <message>
        <source>Expired on …</source>
        <translation>Verlopen op …</translation>
    </message>
    <message>
        <source>Greyed out: it can no longer be handed over</source>
        <translation>Grijs: kan niet meer worden overhandigd</translation>
    </message>
    <message>
        <source>Digital</source>
        <translation>Digitaal</translation>
    </message>
    <message>
        <source>Received online: nothing to hand over at the counter</source>
        <translation>Online ontvangen: niets te overhandigen aan de balie</translation>
    </message>
    <message>
        <source>Handing over…</source>
        <translation>Overhandigen…</translation>
    </message>
    <message>
        <source>Sent to the loyalty service, waiting for its answer</source>
        <translation>Verstuurd naar het loyaltyplatform, wacht op antwoord</translation>
    </message>
    <message>
        <source>On the shelf</source>
        <translation>Op de plank</translation>
    </message>
    <message>
        <source>Staff put it ready on the shelf (To prepare)</source>
        <translation>Klaargelegd op de plank (Klaarzetten)</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Hulp</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Toetsen</translation>
    </message>
    <message>
        <source>Claims, returns, To prepare</source>
        <translation>Claimen, terugbrengen, klaarzetten</translation>
    </message>
    <message>
        <source>Badges on a reward</source>
        <translation>Labels bij een beloning</translation>
    </message>
    <message>
        <source>Sending the code…</source>
        <translation>Code versturen…</translation>
    </message>
    <message>
        <source>Looking up the pickup…</source>
        <translation>Afhaling opzoeken…</translation>
    </message>
    <message>
        <source>Looking up the customer…</source>
        <translation>Klant opzoeken…</translation>
    </message>
    <message>
        <source>Checking the code…</source>
        <translation>Code controleren…</translation>
    </message>
    <message>
        <source>On-screen keyboard</source>
        <extracomment>Rows of character keys, top to bottom (a QWERTY layout, as on phones). The smallest key (a fingertip; the kiosk&apos;s touch target is 44 px).</extracomment>
        <translation>Schermtoetsenbord</translation>
    </message>
    <message>
        <source>Delete the last character</source>
        <translation>Laatste teken wissen</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Wissen</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Zoeken</translation>
    </message>
    <message>
        <source>Find the customer</source>
        <translation>Klant zoeken</translation>
    </message>
    <message>
        <source>Still there?</source>
        <extracomment>The smallest thing a finger is asked to hit, in pixels (Apple HIG / WCAG 2.5.5: 44×44). Kiosk fonts are this much larger than the desktop&apos;s. The last seconds of the idle time are counted down on screen. Holding the logo this long opens &quot;leave kiosk mode&quot;. Input that counts as someone using the counter. Mouse moves do not: a nudged mouse must not keep a customer&apos;s rewards on screen forever. Applied to the whole application in kiosk mode, dialogs included. Controls are sized by :class:`KioskLook` instead: a style sheet&apos;s min-height would also shrink the larger minimum sizes widgets ask for themselves (the PIN keypad&apos;s keys). Title-bar buttons a kiosk&apos;s dialogs do without: nothing to minimise or maximise on a locked screen, and a dialog&apos;s own Cancel / Close button is touch-sized. Controls a finger must hit; each is made at least TOUCH_TARGET wide and high.</extracomment>
        <translation>Ben je er nog?</translation>
    </message>
    <message>
        <source>I&apos;m still here</source>
        <translation>Ik ben er nog</translation>
    </message>
    <message>
        <source>The screen is cleared in {n} s to keep this customer&apos;s rewards private. Touch anywhere to keep going.</source>
        <translation>Het scherm wordt over {n} s leeggemaakt, zodat je beloningen privé blijven. Tik ergens om door te gaan.</translation>
    </message>
    <message>
        <source>Leave kiosk mode</source>
        <translation>Kioskmodus verlaten</translation>
    </message>
    <message>
        <source>Staff PINs cannot be checked on this counter right now, so kiosk mode cannot be left from here. Your IT contact can end the app from the operating system, as the kiosk set-up notes describe.</source>
        <translation>Pincodes van medewerkers kunnen op deze balie nu niet worden gecontroleerd, dus de kioskmodus kan hier niet worden verlaten. Je IT-contactpersoon kan de app via het besturingssysteem afsluiten, zoals de instructies voor de kiosk beschrijven.</translation>
    </message>
    <message>
        <source>Leaving kiosk mode closes the app. It needs a manager&apos;s PIN.</source>
        <translation>Kioskmodus verlaten sluit de app. Daarvoor is een managerpincode nodig.</translation>
    </message>
    <message>
        <source>A manager&apos;s PIN: to close the app, or to open Settings.</source>
        <translation>Een managerpincode: om de app te sluiten of om Instellingen te openen.</translation>
    </message>
    <message>
        <source>Close the app, or open this counter&apos;s Settings?</source>
        <translation>De app sluiten of de Instellingen van deze balie openen?</translation>
    </message>
    <message>
        <source>Close the app</source>
        <translation>App sluiten</translation>
    </message>
    <message>
        <source>Open Settings</source>
        <translation>Instellingen openen</translation>
    </message>
    <message>
        <source>Stay in kiosk mode</source>
        <translation>In kioskmodus blijven</translation>
    </message>
    <message>
        <source>Logo (hold to leave kiosk mode)</source>
        <translation>Logo (ingedrukt houden om de kioskmodus te verlaten)</translation>
    </message>
    <message>
        <source>Scan your loyalty card or QR code</source>
        <extracomment>Bar widths in units; gaps of one unit between them.</extracomment>
        <translation>Scan je klantenkaart of QR-code</translation>
    </message>
    <message>
        <source>Hold it under the scanner. Your rewards waiting for pickup appear here.</source>
        <translation>Houd hem onder de scanner. Je beloningen die klaarliggen verschijnen hier.</translation>
    </message>
    <message>
        <source>Hold it under the scanner or up to the camera. Your rewards waiting for pickup appear here.</source>
        <translation>Houd hem onder de scanner of voor de camera. Je beloningen die klaarliggen verschijnen hier.</translation>
    </message>
    <message>
        <source>Staff: find a customer by email</source>
        <translation>Medewerkers: klant zoeken via e-mail</translation>
    </message>
    <message>
        <source>Show this screen in {language}</source>
        <translation>Dit scherm tonen in: {language}</translation>
    </message>
    <message>
        <source>Undo the last hand-over</source>
        <translation>Laatste overhandiging ongedaan maken</translation>
    </message>
    <message>
        <source>Print slip</source>
        <translation>Bon afdrukken</translation>
    </message>
    <message>
        <source>Undo ({n} s)</source>
        <translation>Ongedaan maken ({n} s)</translation>
    </message>
    <message>
        <source>To prepare</source>
        <translation>Klaarzetten</translation>
    </message>
    <message>
        <source>Recent pickups</source>
        <translation>Recente afhalingen</translation>
    </message>
    <message>
        <source>Back to the counter</source>
        <translation>Terug naar de balie</translation>
    </message>
    <message>
        <source>Type the customer&apos;s email</source>
        <extracomment>How long the scan field shows green (found) or red (not found) after a scan. Kiosk only: a touch keyboard under the field while the field has the focus. Set while a scanner types into the hidden field of the kiosk. What the last search was for: anything else in the field is being typed now.</extracomment>
        <translation>Typ het e-mailadres van de klant</translation>
    </message>
    <message>
        <source>Scan a loyalty card or QR code, or type an email</source>
        <translation>Scan een klantenkaart of QR-code, of typ een e-mailadres</translation>
    </message>
    <message>
        <source>Customer&apos;s email</source>
        <translation>E-mailadres van de klant</translation>
    </message>
    <message>
        <source>Loyalty card, QR code or email</source>
        <translation>Klantenkaart, QR-code of e-mail</translation>
    </message>
    <message>
        <source>Pickups at this counter; managers reverse here</source>
        <translation>Afhalingen aan deze balie; managers draaien hier terug</translation>
    </message>
    <message>
        <source>Settings</source>
        <extracomment>True once settings were saved: the app starts the counter again after closing.</extracomment>
        <translation>Instellingen</translation>
    </message>
    <message>
        <source>Settings (manager PIN)</source>
        <translation>Instellingen (managerpincode)</translation>
    </message>
    <message>
        <source>Settings need a manager&apos;s PIN.</source>
        <translation>Voor Instellingen is een managerpincode nodig.</translation>
    </message>
    <message>
        <source>Settings need a manager&apos;s PIN, and staff PINs cannot be checked on this counter right now. Ask your IT contact.</source>
        <translation>Voor Instellingen is een managerpincode nodig, en pincodes van medewerkers kunnen op deze balie nu niet worden gecontroleerd. Vraag het je IT-contactpersoon.</translation>
    </message>
    <message>
        <source>Signed out after a quiet spell. Sign in again to hand rewards over.</source>
        <translation>Afgemeld na een tijd zonder activiteit. Meld je opnieuw aan om beloningen te overhandigen.</translation>
    </message>
    <message>
        <source>under a minute</source>
        <translation>minder dan een minuut</translation>
    </message>
    <message>
        <source>{n} min</source>
        <translation>{n} min</translation>
    </message>
    <message>
        <source>{n} h</source>
        <translation>{n} uur</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n dag</numerusform>
            <numerusform>%n dagen</numerusform>
        </translation>
    </message>
    <message>
        <source>Shop journal not in use on this counter — ask your IT contact</source>
        <translation>Winkellogboek niet in gebruik op deze balie — vraag je IT-contactpersoon</translation>
    </message>
    <message>
        <source>Shop journal: copying stopped, this counter&apos;s journal differs — ask your IT contact</source>
        <translation>Winkellogboek: kopiëren gestopt, het logboek van deze balie wijkt af — vraag je IT-contactpersoon</translation>
    </message>
    <message>
        <source>Shop journal refused this counter&apos;s login — ask your IT contact</source>
        <translation>Het winkellogboek weigert de aanmelding van deze balie — vraag je IT-contactpersoon</translation>
    </message>
    <message numerus="yes">
        <source>Shop journal refused this counter&apos;s login — %n pickup(s) waiting to be copied; ask your IT contact</source>
        <translation>
            <numerusform>Het winkellogboek weigert de aanmelding van deze balie — %n afhaling wacht op kopiëren; vraag je IT-contactpersoon</numerusform>
            <numerusform>Het winkellogboek weigert de aanmelding van deze balie — %n afhalingen wachten op kopiëren; vraag je IT-contactpersoon</numerusform>
        </translation>
    </message>
    <message>
        <source>Shop journal unreachable — nothing waiting to be copied</source>
        <translation>Winkellogboek onbereikbaar — er wacht niets op kopiëren</translation>
    </message>
    <message>
        <source>Shop journal up to date</source>
        <translation>Winkellogboek bijgewerkt</translation>
    </message>
    <message numerus="yes">
        <source>Shop journal unreachable — %n pickup(s) waiting to be copied, oldest {age}</source>
        <translation>
            <numerusform>Winkellogboek onbereikbaar — %n afhaling wacht op kopiëren, al {age}</numerusform>
            <numerusform>Winkellogboek onbereikbaar — %n afhalingen wachten op kopiëren, de oudste al {age}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Shop journal: %n pickup(s) waiting to be copied, oldest {age}</source>
        <translation>
            <numerusform>Winkellogboek: %n afhaling wacht op kopiëren, al {age}</numerusform>
            <numerusform>Winkellogboek: %n afhalingen wachten op kopiëren, de oudste al {age}</numerusform>
        </translation>
    </message>
    <message>
        <source>Connecting…</source>
        <extracomment>Enough for the start of a message.</extracomment>
        <translation>Verbinden…</translation>
    </message>
    <message>
        <source>Sign in</source>
        <extracomment>Input that counts as someone working at the counter.</extracomment>
        <translation>Aanmelden</translation>
    </message>
    <message>
        <source>Leave kiosk…</source>
        <translation>Kiosk verlaten…</translation>
    </message>
    <message>
        <source>Leave kiosk mode or open Settings (manager PIN)</source>
        <translation>Kioskmodus verlaten of Instellingen openen (managerpincode)</translation>
    </message>
    <message>
        <source>A manager&apos;s PIN, then: close the app, open Settings, or stay.</source>
        <translation>Een managerpincode, daarna: de app sluiten, Instellingen openen of blijven.</translation>
    </message>
    <message>
        <source>Leave kiosk (closes the app)</source>
        <translation>Kiosk verlaten (sluit de app)</translation>
    </message>
    <message>
        <source>Leave kiosk mode and close the app (manager PIN)</source>
        <translation>Kioskmodus verlaten en de app sluiten (managerpincode)</translation>
    </message>
    <message>
        <source>A manager&apos;s PIN closes the app; start it again for the next customer.</source>
        <translation>Een managerpincode sluit de app; start de app opnieuw voor de volgende klant.</translation>
    </message>
    <message>
        <source>Counter: {name}</source>
        <translation>Balie: {name}</translation>
    </message>
    <message>
        <source>This counter&apos;s hand-overs and reversals are copied to the shop journal, so that every counter of the shop can find and reverse them. While it cannot be reached, this counter works on as usual and catches up by itself.</source>
        <translation>De overhandigingen en terugdraaiingen van deze balie worden naar het winkellogboek gekopieerd, zodat elke balie van de winkel ze kan vinden en terugdraaien. Is het niet bereikbaar, dan werkt deze balie gewoon door en haalt ze daarna vanzelf in.</translation>
    </message>
    <message>
        <source>Nudj found none of the last {n} customers (by {source}): check the set-up.</source>
        <translation>Nudj vond geen van de laatste {n} klanten (via {source}): controleer de instellingen.</translation>
    </message>
    <message>
        <source>The Nudj id sent for a customer (setting nudj_user_id_source) matched no Nudj user for the last {n} customers. A manager checks it in Settings, under Giftoin and Nudj.</source>
        <translation>Het Nudj-id dat voor een klant wordt verstuurd (instelling nudj_user_id_source) kwam bij de laatste {n} klanten met geen enkele Nudj-gebruiker overeen. Een manager controleert dit in Instellingen, onder Giftoin en Nudj.</translation>
    </message>
    <message>
        <source>{name} · sign out</source>
        <translation>{name} · afmelden</translation>
    </message>
    <message>
        <source>{title} handed over to {name}.</source>
        <translation>{title} overhandigd aan {name}.</translation>
    </message>
    <message numerus="yes">
        <source>%n rewards handed over to {name}.</source>
        <translation>
            <numerusform>%n beloning overhandigd aan {name}.</numerusform>
            <numerusform>%n beloningen overhandigd aan {name}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Collected: {titles}. The earlier attempt went through after all: hand it over now.</source>
        <translation>Geregistreerd als afgehaald: {titles}. De eerdere poging is toch gelukt: overhandig het nu.</translation>
    </message>
    <message>
        <source>The journal could not record this (is the disk full?). Tell the store manager; the app records it as soon as it can.</source>
        <translation>Het logboek kon dit niet vastleggen (is de schijf vol?). Meld het aan de manager; de app legt het vast zodra dat kan.</translation>
    </message>
    <message>
        <source>{name}: {outcome}</source>
        <translation>{name}: {outcome}</translation>
    </message>
    <message>
        <source>No slip was printed: another customer is on screen.</source>
        <translation>Er is geen bon afgedrukt: er staat een andere klant op het scherm.</translation>
    </message>
    <message>
        <source>Undone: {title} is back on {name}&apos;s list.</source>
        <translation>Ongedaan gemaakt: {title} staat weer op de lijst van {name}.</translation>
    </message>
    <message numerus="yes">
        <source>Undone: %n rewards are back on {name}&apos;s list.</source>
        <translation>
            <numerusform>Ongedaan gemaakt: %n beloning staat weer op de lijst van {name}.</numerusform>
            <numerusform>Ongedaan gemaakt: %n beloningen staan weer op de lijst van {name}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Only {name} can undo this hand-over here; a manager can reverse it in Recent pickups.</source>
        <translation>Alleen {name} kan deze overhandiging hier ongedaan maken; een manager kan hem terugdraaien in Recente afhalingen.</translation>
    </message>
    <message>
        <source>whoever made it</source>
        <translation>degene die hem deed</translation>
    </message>
    <message>
        <source>Too late to undo here: a manager reverses it in Recent pickups.</source>
        <translation>Te laat om hier ongedaan te maken: een manager draait hem terug in Recente afhalingen.</translation>
    </message>
    <message numerus="yes">
        <source>Handing over… waiting for the loyalty service (%n s)</source>
        <translation>
            <numerusform>Overhandigen… wacht op het loyaltyplatform (%n s)</numerusform>
            <numerusform>Overhandigen… wacht op het loyaltyplatform (%n s)</numerusform>
        </translation>
    </message>
    <message>
        <source>{title}: already picked up (perhaps at another counter).</source>
        <translation>{title}: al afgehaald (misschien aan een andere balie).</translation>
    </message>
    <message>
        <source>{title}: expired on {date}; it cannot be handed over.</source>
        <translation>{title}: verlopen op {date}; kan niet worden overhandigd.</translation>
    </message>
    <message>
        <source>{title}: expired; it cannot be handed over.</source>
        <translation>{title}: verlopen; kan niet worden overhandigd.</translation>
    </message>
    <message>
        <source>{title}: not handed over. The journal cannot be written (is the disk full?), so nothing was sent. Tell the store manager.</source>
        <translation>{title}: niet overhandigd. Het logboek kan niet worden bijgewerkt (is de schijf vol?), dus er is niets verstuurd. Meld het aan de manager.</translation>
    </message>
    <message>
        <source>{title}: no answer from the loyalty service in time, so it is not known whether the hand-over was recorded. Keep the item until the app has checked; it checks by itself every 30 seconds and says what it finds.</source>
        <translation>{title}: geen tijdig antwoord van het loyaltyplatform, dus het is niet bekend of de overhandiging is geregistreerd. Houd het artikel achter tot de app het heeft gecontroleerd; de app controleert dit zelf elke 30 seconden en meldt wat hij vindt.</translation>
    </message>
    <message>
        <source>{title}: not handed over. {reason}</source>
        <translation>{title}: niet overhandigd. {reason}</translation>
    </message>
    <message>
        <source>Hand-over is not available.</source>
        <translation>Overhandigen is niet beschikbaar.</translation>
    </message>
    <message>
        <source>Not handed over: hand-overs are held until a manager acknowledges the journal check above.</source>
        <translation>Niet overhandigd: overhandigingen staan stil tot een manager de logboekcontrole hierboven bevestigt.</translation>
    </message>
    <message>
        <source>Not handed over: a digital reward reaches the customer online; there is nothing to hand over at the counter.</source>
        <translation>Niet overhandigd: een digitale beloning komt online bij de klant; er is niets te overhandigen aan de balie.</translation>
    </message>
    <message>
        <source>Staff hand rewards over: sign in with your PIN.</source>
        <translation>Medewerkers overhandigen beloningen: meld je aan met je pincode.</translation>
    </message>
    <message>
        <source>Sign in to hand rewards over.</source>
        <translation>Meld je aan om beloningen te overhandigen.</translation>
    </message>
    <message>
        <source>Staff PINs cannot be checked on this counter.</source>
        <translation>Pincodes van medewerkers kunnen op deze balie niet worden gecontroleerd.</translation>
    </message>
    <message>
        <source>handed over at another counter: {titles}</source>
        <translation>aan een andere balie overhandigd: {titles}</translation>
    </message>
    <message>
        <source>recorded as handed over: {titles}</source>
        <translation>geregistreerd als overhandigd: {titles}</translation>
    </message>
    <message>
        <source>not handed over (still waiting): {titles}</source>
        <translation>niet overhandigd (wacht nog): {titles}</translation>
    </message>
    <message>
        <source>Earlier unfinished hand-overs were checked — {outcomes}.</source>
        <translation>Eerdere onafgemaakte overhandigingen zijn gecontroleerd — {outcomes}.</translation>
    </message>
    <message>
        <source>If an item was kept back meanwhile, give it to the customer.</source>
        <translation>Is er intussen een artikel achtergehouden, geef het dan aan de klant.</translation>
    </message>
    <message numerus="yes">
        <source>%n pickup operation(s) waiting to be checked</source>
        <translation>
            <numerusform>%n afhaalhandeling wacht op controle</numerusform>
            <numerusform>%n afhaalhandelingen wachten op controle</numerusform>
        </translation>
    </message>
    <message>
        <source>Pickup {ref}: {title}, {when} at {counter}. {state}.</source>
        <translation>Afhaling {ref}: {title}, {when} bij {counter}. {state}.</translation>
    </message>
    <message>
        <source>No pickup {ref} was made at this counter.</source>
        <translation>Er is aan deze balie geen afhaling {ref} gedaan.</translation>
    </message>
    <message>
        <source>No pickup {ref} was made at this counter, and the shop&apos;s other counters cannot be asked right now (the shop journal cannot be reached).</source>
        <translation>Er is aan deze balie geen afhaling {ref} gedaan, en de andere balies van de winkel kunnen nu niet worden nagevraagd (het winkellogboek is niet bereikbaar).</translation>
    </message>
    <message>
        <source>unknown shop {uuid}</source>
        <translation>onbekende winkel {uuid}</translation>
    </message>
    <message>
        <source>no shop chosen</source>
        <translation>geen winkel gekozen</translation>
    </message>
    <message>
        <source>Connected to Piggy · {shop}</source>
        <translation>Verbonden met Piggy · {shop}</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <extracomment>Checks a PIN: ``(profile picked, or None for &quot;any manager&quot;, pin) -&gt; PinCheck``.</extracomment>
        <translation>{minutes} min</translation>
    </message>
    <message>
        <source>{hours} h</source>
        <translation>{hours} u</translation>
    </message>
    <message>
        <source>{hours} h {minutes} min</source>
        <translation>{hours} u {minutes} min</translation>
    </message>
    <message>
        <source>{seconds} s</source>
        <translation>{seconds} s</translation>
    </message>
    <message>
        <source>{minutes} min {seconds} s</source>
        <translation>{minutes} min {seconds} s</translation>
    </message>
    <message>
        <source>Too many wrong PINs: manager approval is locked for another {duration}.</source>
        <translation>Te vaak een verkeerde pincode: goedkeuring door een manager is nog {duration} geblokkeerd.</translation>
    </message>
    <message>
        <source>Too many wrong PINs: locked for another {duration}. A manager can give you a new PIN.</source>
        <translation>Te vaak een verkeerde pincode: nog {duration} geblokkeerd. Een manager kan je een nieuwe pincode geven.</translation>
    </message>
    <message>
        <source>Wrong PIN.</source>
        <translation>Verkeerde pincode.</translation>
    </message>
    <message numerus="yes">
        <source>Wrong PIN. After %n more wrong PIN(s), manager PINs are locked for {duration}.</source>
        <translation>
            <numerusform>Verkeerde pincode. Nog %n keer fout en managerpincodes worden {duration} geblokkeerd.</numerusform>
            <numerusform>Verkeerde pincode. Nog %n keer fout en managerpincodes worden {duration} geblokkeerd.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrong PIN. After %n more wrong PIN(s), this profile is locked for {duration}.</source>
        <translation>
            <numerusform>Verkeerde pincode. Nog %n keer fout en dit profiel wordt {duration} geblokkeerd.</numerusform>
            <numerusform>Verkeerde pincode. Nog %n keer fout en dit profiel wordt {duration} geblokkeerd.</numerusform>
        </translation>
    </message>
    <message>
        <source>Locked after too many wrong PINs. Try again later.</source>
        <translation>Geblokkeerd na te vaak een verkeerde pincode. Probeer het later opnieuw.</translation>
    </message>
    <message>
        <source>This profile is no longer active. Ask a manager.</source>
        <translation>Dit profiel is niet meer actief. Vraag het een manager.</translation>
    </message>
    <message>
        <source>This PIN belongs to more than one manager, so it cannot say who approved. One of them needs a new PIN (Staff).</source>
        <translation>Deze pincode hoort bij meer dan één manager, dus er is niet te zien wie heeft goedgekeurd. Een van hen heeft een nieuwe pincode nodig (Medewerkers).</translation>
    </message>
    <message>
        <source>Pick your name and type your PIN.</source>
        <translation>Kies je naam en typ je pincode.</translation>
    </message>
    <message>
        <source>The pickup journal is missing: the copy of its end kept beside it says it had {expected} rows. A new, empty journal was started.</source>
        <translation>Het afhaallogboek ontbreekt: de kopie van het einde ervan, die ernaast wordt bewaard, zegt dat het {expected} regels had. Er is een nieuw, leeg logboek gestart.</translation>
    </message>
    <message>
        <source>The pickup journal was emptied: the copy of its end kept beside it says it had {expected} rows. A new, empty journal was started.</source>
        <translation>Het afhaallogboek is leeggemaakt: de kopie van het einde ervan, die ernaast wordt bewaard, zegt dat het {expected} regels had. Er is een nieuw, leeg logboek gestart.</translation>
    </message>
    <message>
        <source>The pickup journal is shorter than it was: it has {rows} rows, but the copy of its end kept beside it says {expected}, so the last {missing} rows are missing.</source>
        <translation>Het afhaallogboek is korter dan het was: het heeft {rows} regels, maar de kopie van het einde ervan, die ernaast wordt bewaard, zegt {expected}, dus de laatste {missing} regels ontbreken.</translation>
    </message>
    <message>
        <source>The pickup journal is not the one this counter wrote: its rows do not match the copy of its end kept beside it ({rows} rows, the copy says {expected}). It was replaced by another file, or rewritten.</source>
        <translation>Het afhaallogboek is niet het logboek dat deze balie heeft geschreven: de regels komen niet overeen met de kopie van het einde ervan, die ernaast wordt bewaard ({rows} regels, de kopie zegt {expected}). Het is vervangen door een ander bestand, of herschreven.</translation>
    </message>
    <message>
        <source>The copy of the pickup journal&apos;s end, kept beside it, cannot be read, so it cannot be told whether pickups are missing from the journal.</source>
        <translation>De kopie van het einde van het afhaallogboek, die ernaast wordt bewaard, kan niet worden gelezen, dus er is niet vast te stellen of er afhalingen in het logboek ontbreken.</translation>
    </message>
    <message>
        <source>Handed over</source>
        <translation>Overhandigd</translation>
    </message>
    <message>
        <source>Reversed</source>
        <translation>Teruggedraaid</translation>
    </message>
    <message>
        <source>Reversal being checked</source>
        <translation>Terugdraaiing wordt gecontroleerd</translation>
    </message>
    <message>
        <source>Not handed over</source>
        <translation>Niet overhandigd</translation>
    </message>
    <message>
        <source>Points refunded</source>
        <translation>Punten teruggegeven</translation>
    </message>
    <message>
        <source>Refund being checked</source>
        <translation>Teruggave wordt gecontroleerd</translation>
    </message>
    <message>
        <source>Being checked</source>
        <translation>Wordt gecontroleerd</translation>
    </message>
    <message>
        <source>The loyalty service refused the refund (code {code}).</source>
        <translation>Het loyaltyplatform weigerde de teruggave (code {code}).</translation>
    </message>
    <message>
        <source>the reward</source>
        <translation>de beloning</translation>
    </message>
    <message>
        <source>Points refunded: {title}.</source>
        <translation>Punten teruggegeven: {title}.</translation>
    </message>
    <message>
        <source>Points refunded: {points} points for {title}.</source>
        <translation>Punten teruggegeven: {points} punten voor {title}.</translation>
    </message>
    <message>
        <source>The customer now has {points} Piggy points.</source>
        <translation>De klant heeft nu {points} Piggy-punten.</translation>
    </message>
    <message>
        <source>The points of {title} were refunded already. Nothing was changed.</source>
        <translation>De punten van {title} waren al teruggegeven. Er is niets veranderd.</translation>
    </message>
    <message>
        <source>The points of {title} cannot be refunded now: it was not handed over, or its reversal is still being checked.</source>
        <translation>De punten van {title} kunnen nu niet worden teruggegeven: de beloning is niet overhandigd, of de terugdraaiing wordt nog gecontroleerd.</translation>
    </message>
    <message>
        <source>{title} was picked up again after it was put back: refund the points of that later pickup. Nothing was changed.</source>
        <translation>{title} is na het terugdraaien opnieuw opgehaald: geef de punten van die latere afhaling terug. Er is niets veranderd.</translation>
    </message>
    <message>
        <source>{title}: no answer from the loyalty service, so it is not known whether the points were refunded. The app checks by itself when the connection is back; until then they cannot be refunded again.</source>
        <translation>{title}: geen antwoord van het loyaltyplatform, dus het is niet bekend of de punten zijn teruggegeven. De app controleert dit zelf zodra de verbinding terug is; tot dan kunnen ze niet opnieuw worden teruggegeven.</translation>
    </message>
    <message>
        <source>{title} is back in the customer&apos;s rewards to pick up.</source>
        <translation>{title} staat weer bij de op te halen beloningen van de klant.</translation>
    </message>
    <message>
        <source>{title} is back in the customer&apos;s rewards to pick up, but its points were not refunded. {reason} Choose Reverse… again to refund them.</source>
        <translation>{title} staat weer bij de op te halen beloningen van de klant, maar de punten zijn niet teruggegeven. {reason} Kies nog eens Terugdraaien… om ze terug te geven.</translation>
    </message>
    <message>
        <source>{title}: points not refunded. {detail}</source>
        <translation>{title}: punten niet teruggegeven. {detail}</translation>
    </message>
    <message>
        <source>{title}: points not refunded. {reason}</source>
        <translation>{title}: punten niet teruggegeven. {reason}</translation>
    </message>
    <message>
        <source>points refunded: {titles}</source>
        <translation>punten teruggegeven: {titles}</translation>
    </message>
    <message>
        <source>points not refunded: {titles}</source>
        <translation>punten niet teruggegeven: {titles}</translation>
    </message>
    <message>
        <source>Earlier unfinished refunds were checked — {outcomes}.</source>
        <translation>Eerdere onafgemaakte teruggaven zijn gecontroleerd — {outcomes}.</translation>
    </message>
    <message>
        <source>Reversed: {title}. It is back in the customer&apos;s rewards to pick up.</source>
        <translation>Teruggedraaid: {title}. De beloning staat weer bij de op te halen beloningen van de klant.</translation>
    </message>
    <message>
        <source>The loyalty service says {title} was already reversed (perhaps in the Piggy dashboard). Nothing was changed.</source>
        <translation>Het loyaltyplatform meldt dat {title} al was teruggedraaid (misschien in het Piggy-dashboard). Er is niets gewijzigd.</translation>
    </message>
    <message>
        <source>{title} was already reversed on {when} ({reason}, {staff}).</source>
        <translation>{title} was al teruggedraaid op {when} ({reason}, {staff}).</translation>
    </message>
    <message>
        <source>{title} was already reversed.</source>
        <translation>{title} was al teruggedraaid.</translation>
    </message>
    <message>
        <source>The loyalty service does not know this pickup of {title}, so it cannot be reversed from here. Check the customer in the Piggy dashboard.</source>
        <translation>Het loyaltyplatform kent deze afhaling van {title} niet, dus die kan hier niet worden teruggedraaid. Controleer de klant in het Piggy-dashboard.</translation>
    </message>
    <message>
        <source>{title} cannot be reversed from this app: its hand-over was confirmed later by a check, which cannot learn the code a reversal needs. A manager can reverse it in the Piggy dashboard.</source>
        <translation>{title} kan niet vanuit deze app worden teruggedraaid: de overhandiging is later door een controle bevestigd, en die kan de code die een terugdraaiing nodig heeft niet achterhalen. Een manager kan de afhaling terugdraaien in het Piggy-dashboard.</translation>
    </message>
    <message>
        <source>Only a reward that was handed over can be reversed; {title} was not (or its outcome is still being checked).</source>
        <translation>Alleen een overhandigde beloning kan worden teruggedraaid; {title} is niet overhandigd (of de uitkomst wordt nog gecontroleerd).</translation>
    </message>
    <message>
        <source>{title}: no answer from the loyalty service, so it is not known whether the reversal was recorded. The app checks by itself when the connection is back; until then this pickup cannot be reversed again.</source>
        <translation>{title}: geen antwoord van het loyaltyplatform, dus het is niet bekend of de terugdraaiing is geregistreerd. De app controleert dit zelf zodra de verbinding terug is; tot dan kan deze afhaling niet opnieuw worden teruggedraaid.</translation>
    </message>
    <message>
        <source>{title}: not reversed. {reason}</source>
        <translation>{title}: niet teruggedraaid. {reason}</translation>
    </message>
    <message>
        <source>reversed: {titles}</source>
        <translation>teruggedraaid: {titles}</translation>
    </message>
    <message>
        <source>not reversed (still handed over): {titles}</source>
        <translation>niet teruggedraaid (nog overhandigd): {titles}</translation>
    </message>
    <message>
        <source>Earlier unfinished reversals were checked — {outcomes}.</source>
        <translation>Eerdere onafgemaakte terugdraaiingen zijn gecontroleerd — {outcomes}.</translation>
    </message>
    <message>
        <source>Staff…</source>
        <extracomment>Task key of the running staff management: one at a time.</extracomment>
        <translation>Medewerkers…</translation>
    </message>
    <message>
        <source>Staff management (manager PIN)</source>
        <translation>Medewerkersbeheer (managerpincode)</translation>
    </message>
    <message>
        <source>Add, rename or deactivate staff and change PINs (a manager&apos;s PIN is asked)</source>
        <translation>Medewerkers toevoegen, hernoemen of deactiveren en pincodes wijzigen (vraagt om een managerpincode)</translation>
    </message>
    <message>
        <source>The staff list cannot be opened on this counter. Ask your IT contact.</source>
        <translation>De medewerkerslijst kan op deze balie niet worden geopend. Vraag het je IT-contactpersoon.</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Manager</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>Baliemedewerker</translation>
    </message>
    <message>
        <source>Someone else already has this name. Add a surname or an initial.</source>
        <translation>Iemand anders heeft al deze naam. Voeg een achternaam of een initiaal toe.</translation>
    </message>
    <message>
        <source>This is the last manager: nobody could manage staff any more. Make someone else a manager first.</source>
        <translation>Dit is de laatste manager: dan kan niemand meer medewerkers beheren. Maak eerst iemand anders manager.</translation>
    </message>
    <message>
        <source>Choose another PIN.</source>
        <translation>Kies een andere pincode.</translation>
    </message>
    <message>
        <source>A manager&apos;s PIN has {min} to {max} digits.</source>
        <translation>Een managerpincode heeft {min} tot {max} cijfers.</translation>
    </message>
    <message>
        <source>A PIN has {min} to {max} digits.</source>
        <translation>Een pincode heeft {min} tot {max} cijfers.</translation>
    </message>
    <message>
        <source>Type a name of at most 40 characters.</source>
        <translation>Typ een naam van maximaal 40 tekens.</translation>
    </message>
    <message>
        <source>This person is no longer in the staff list.</source>
        <translation>Deze persoon staat niet meer in de medewerkerslijst.</translation>
    </message>
    <message>
        <source>The staff list cannot be read or saved. Ask your IT contact.</source>
        <translation>De medewerkerslijst kan niet worden gelezen of opgeslagen. Vraag het je IT-contactpersoon.</translation>
    </message>
    <message>
        <source>This profile is deactivated.</source>
        <translation>Dit profiel is gedeactiveerd.</translation>
    </message>
    <message>
        <source>Something went wrong. Try again.</source>
        <translation>Er ging iets mis. Probeer het opnieuw.</translation>
    </message>
    <message>
        <source>Manager approval</source>
        <translation>Goedkeuring door manager</translation>
    </message>
    <message>
        <source>A manager types their PIN to continue.</source>
        <translation>Een manager voert de pincode in om door te gaan.</translation>
    </message>
    <message>
        <source>Your manager PIN is shorter than a manager&apos;s PIN may be now: choose a new one of {min} to {max} digits.</source>
        <translation>Je managerpincode is korter dan nu is toegestaan: kies een nieuwe van {min} tot {max} cijfers.</translation>
    </message>
    <message>
        <source>Managing staff needs a manager&apos;s PIN.</source>
        <translation>Voor medewerkersbeheer is een managerpincode nodig.</translation>
    </message>
    <message>
        <source>in a moment</source>
        <translation>zo meteen</translation>
    </message>
    <message>
        <source>in {n} seconds</source>
        <translation>over {n} seconden</translation>
    </message>
    <message>
        <source>in {n} minutes</source>
        <translation>over {n} minuten</translation>
    </message>
    <message>
        <source>This card is not linked to a customer yet. Ask the customer to link it in the app, or look them up by email.</source>
        <translation>Deze kaart is nog niet aan een klant gekoppeld. Vraag de klant de kaart in de app te koppelen, of zoek de klant op via e-mail.</translation>
    </message>
    <message>
        <source>Unknown card. Scan it again, or look the customer up by email.</source>
        <translation>Onbekende kaart. Scan de kaart opnieuw, of zoek de klant op via e-mail.</translation>
    </message>
    <message>
        <source>This card is blocked (reported lost or replaced). Ask for the customer&apos;s current card or their email.</source>
        <translation>Deze kaart is geblokkeerd (als verloren gemeld of vervangen). Vraag om de huidige kaart van de klant of om het e-mailadres.</translation>
    </message>
    <message>
        <source>No customer with this email address. Check the spelling with the customer.</source>
        <translation>Geen klant met dit e-mailadres. Controleer de spelling met de klant.</translation>
    </message>
    <message>
        <source>That code is not right. Ask the customer to read it again from the email.</source>
        <translation>Die code klopt niet. Vraag de klant de code nog eens voor te lezen uit de e-mail.</translation>
    </message>
    <message>
        <source>Email codes are not set up for this shop, so the customer cannot be checked by email. Scan their card instead.</source>
        <translation>E-mailcodes zijn niet ingesteld voor deze winkel, dus de klant kan niet via e-mail worden gecontroleerd. Scan in plaats daarvan de kaart.</translation>
    </message>
    <message>
        <source>The loyalty service did not answer in time. Try again.</source>
        <translation>Het loyaltyplatform antwoordde niet op tijd. Probeer het opnieuw.</translation>
    </message>
    <message>
        <source>No connection to the loyalty service. Check the network and try again.</source>
        <translation>Geen verbinding met het loyaltyplatform. Controleer het netwerk en probeer het opnieuw.</translation>
    </message>
    <message>
        <source>The loyalty service refused this counter&apos;s key. Ask a manager to open Settings and connect Piggy again.</source>
        <translation>Het loyaltyplatform weigerde de sleutel van deze balie. Vraag een manager om Instellingen te openen en Piggy opnieuw te verbinden.</translation>
    </message>
    <message>
        <source>This counter is not allowed to do that. Ask your IT contact.</source>
        <translation>Deze balie mag dat niet doen. Vraag het je IT-contactpersoon.</translation>
    </message>
    <message>
        <source>The loyalty service is in maintenance. Try again {wait}.</source>
        <translation>Het loyaltyplatform is in onderhoud. Probeer het {wait} opnieuw.</translation>
    </message>
    <message>
        <source>Too many requests right now. Try again {wait}.</source>
        <translation>Te veel verzoeken op dit moment. Probeer het {wait} opnieuw.</translation>
    </message>
    <message>
        <source>The loyalty service sent an answer the app does not understand. Try again.</source>
        <translation>Het loyaltyplatform stuurde een antwoord dat de app niet begrijpt. Probeer het opnieuw.</translation>
    </message>
    <message>
        <source>The loyalty service had a problem. Try again in a moment.</source>
        <translation>Het loyaltyplatform had een probleem. Probeer het zo meteen opnieuw.</translation>
    </message>
    <message>
        <source>In order</source>
        <translation>In orde</translation>
    </message>
    <message>
        <source>Check this</source>
        <translation>Controleer dit</translation>
    </message>
    <message>
        <source>Not working</source>
        <translation>Werkt niet</translation>
    </message>
    <message>
        <source>Not checked</source>
        <translation>Niet gecontroleerd</translation>
    </message>
    <message>
        <source>Check this counter</source>
        <translation>Deze balie controleren</translation>
    </message>
    <message>
        <source>Checks the settings, the keys and every program with the settings saved now. With a customer&apos;s card it also looks them up, lists their rewards and asks Giftoin and Nudj, and changes nothing.</source>
        <translation>Controleert de instellingen, de sleutels en elk programma met de nu opgeslagen instellingen. Met de kaart van een klant zoekt de controle die klant ook op, toont de beloningen en vraagt Giftoin en Nudj, zonder iets te wijzigen.</translation>
    </message>
    <message>
        <source>A customer&apos;s card (optional)</source>
        <translation>Kaart van een klant (optioneel)</translation>
    </message>
    <message>
        <source>A customer&apos;s card, for the live check</source>
        <translation>Kaart van een klant, voor de live controle</translation>
    </message>
    <message>
        <source>Check now</source>
        <translation>Nu controleren</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>Onderdeel</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Controleren</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultaat</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Controleren…</translation>
    </message>
    <message>
        <source>Next: {step}</source>
        <translation>Volgende: {step}</translation>
    </message>
    <message numerus="yes">
        <source>%n check(s) not working.</source>
        <translation>
            <numerusform>%n controle werkt niet.</numerusform>
            <numerusform>%n controles werken niet.</numerusform>
        </translation>
    </message>
    <message>
        <source>Everything needed is in order.</source>
        <translation>Alles wat nodig is, is in orde.</translation>
    </message>
    <message>
        <source>Set up more counters</source>
        <translation>Meer balies instellen</translation>
    </message>
    <message>
        <source>Export this counter&apos;s settings to a file and import it on the next counter. The file holds no keys or tokens: the next counter asks for them. Its name and data folder stay its own.</source>
        <translation>Exporteer de instellingen van deze balie naar een bestand en importeer dat op de volgende balie. Het bestand bevat geen sleutels of tokens: de volgende balie vraagt daar zelf om. De naam en de gegevensmap van die balie blijven van die balie zelf.</translation>
    </message>
    <message>
        <source>Export to a file…</source>
        <translation>Exporteren naar een bestand…</translation>
    </message>
    <message>
        <source>Import from a file…</source>
        <translation>Importeren uit een bestand…</translation>
    </message>
    <message>
        <source>In kiosk mode no files are opened: export and import on a counter that is not a kiosk, or ask your IT contact.</source>
        <translation>In kioskmodus worden geen bestanden geopend: exporteer en importeer op een balie die geen kiosk is, of vraag het je IT-contactpersoon.</translation>
    </message>
    <message>
        <source>Export the settings</source>
        <extracomment>Set after an import: the settings file changed, the counter must start again.</extracomment>
        <translation>De instellingen exporteren</translation>
    </message>
    <message>
        <source>Import settings</source>
        <translation>Instellingen importeren</translation>
    </message>
    <message>
        <source>Could not write {path}: {error}</source>
        <translation>Kon {path} niet schrijven: {error}</translation>
    </message>
    <message>
        <source>Exported to {path}. It holds no keys or tokens.</source>
        <translation>Geëxporteerd naar {path}. Het bestand bevat geen sleutels of tokens.</translation>
    </message>
    <message>
        <source>This file cannot be imported: {reason}</source>
        <translation>Dit bestand kan niet worden geïmporteerd: {reason}</translation>
    </message>
    <message>
        <source>Could not import {path}: {error}</source>
        <translation>Kon {path} niet importeren: {error}</translation>
    </message>
    <message>
        <source>Imported. The counter starts again with these settings when Settings closes.</source>
        <translation>Geïmporteerd. De balie start opnieuw met deze instellingen zodra Instellingen wordt gesloten.</translation>
    </message>
    <message>
        <source>Still needed here: {names}. Paste them on their pages.</source>
        <translation>Hier nog nodig: {names}. Plak ze op de bijbehorende pagina’s.</translation>
    </message>
    <message>
        <source>This counter</source>
        <translation>Deze balie</translation>
    </message>
    <message>
        <source>How this counter works, and where its slips print. All of it can be changed in Settings later.</source>
        <translation>Hoe deze balie werkt en waar de bonnen worden afgedrukt. Alles is later te wijzigen in Instellingen.</translation>
    </message>
    <message>
        <source>Counter name</source>
        <translation>Naam van de balie</translation>
    </message>
    <message>
        <source>Pickup slip after a hand-over</source>
        <translation>Afhaalbon na een overhandiging</translation>
    </message>
    <message>
        <source>Offer one (print, PDF or none)</source>
        <translation>Aanbieden (afdrukken, PDF of geen)</translation>
    </message>
    <message>
        <source>Always print one</source>
        <translation>Altijd afdrukken</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nooit</translation>
    </message>
    <message>
        <source>Pickup slip</source>
        <translation>Afhaalbon</translation>
    </message>
    <message>
        <source>Staff sign in with their name and PIN</source>
        <translation>Medewerkers melden zich aan met hun naam en pincode</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Medewerkers</translation>
    </message>
    <message>
        <source>Kiosk: full screen, leaving needs a manager&apos;s PIN</source>
        <translation>Kiosk: volledig scherm, verlaten vraagt een managerpincode</translation>
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
        <translation>Seconden voordat een kiosk het scherm van de klant leegmaakt</translation>
    </message>
    <message>
        <source>Clear the customer after</source>
        <translation>Scherm leegmaken na</translation>
    </message>
    <message>
        <source>Hide the mouse pointer (touch screens)</source>
        <translation>Muisaanwijzer verbergen (aanraakschermen)</translation>
    </message>
    <message>
        <source>Read QR codes with the camera on the home screen (no scanner)</source>
        <translation>QR-codes lezen met de camera op het startscherm (geen scanner)</translation>
    </message>
    <message>
        <source>Give this counter a name.</source>
        <translation>Geef deze balie een naam.</translation>
    </message>
    <message>
        <source>The first manager</source>
        <translation>De eerste manager</translation>
    </message>
    <message>
        <source>Managers approve reversals, manage staff and their PINs, and open Settings. Create the first one now; add more staff later.</source>
        <translation>Managers keuren terugdraaiingen goed, beheren medewerkers en hun pincodes en openen Instellingen. Maak nu de eerste aan; voeg later meer medewerkers toe.</translation>
    </message>
    <message>
        <source>Manager&apos;s name</source>
        <translation>Naam van de manager</translation>
    </message>
    <message>
        <source>Type the manager&apos;s name.</source>
        <translation>Typ de naam van de manager.</translation>
    </message>
    <message>
        <source>More options</source>
        <translation>Meer opties</translation>
    </message>
    <message>
        <source>Rarely changed. The defaults suit most shops.</source>
        <translation>Zelden gewijzigd. De standaardwaarden passen bij de meeste winkels.</translation>
    </message>
    <message>
        <source>A customer found by email reads out the code Piggy emails them</source>
        <translation>Een klant die via e-mail wordt gevonden, leest de code voor die Piggy naar de klant mailt</translation>
    </message>
    <message>
        <source>Email look-ups</source>
        <translation>Opzoeken via e-mail</translation>
    </message>
    <message>
        <source>A short sound after each scan</source>
        <translation>Een kort geluid na elke scan</translation>
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
        <translation>Minuten zonder invoer voordat medewerkers worden afgemeld</translation>
    </message>
    <message>
        <source>Sign staff out after</source>
        <translation>Medewerkers afmelden na</translation>
    </message>
    <message>
        <source>Seconds to wait for an answer</source>
        <translation>Seconden wachten op een antwoord</translation>
    </message>
    <message>
        <source>Wait for an answer</source>
        <translation>Wachten op antwoord</translation>
    </message>
    <message>
        <source>Seconds before an unanswered hand-over counts as not done</source>
        <translation>Seconden voordat een onbeantwoorde overhandiging als niet gedaan geldt</translation>
    </message>
    <message>
        <source>Unanswered hand-overs settle after</source>
        <translation>Onbeantwoorde overhandigingen gelden als niet gedaan na</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Gegevensmap</translation>
    </message>
    <message>
        <source>The data folder holds this counter&apos;s journal of pickups and its staff list; it is moved by your IT contact, never from here, so no pickup is left behind.</source>
        <translation>De gegevensmap bevat het afhaallogboek en de medewerkerslijst van deze balie; alleen je IT-contactpersoon verplaatst hem, nooit vanuit hier, zodat er geen afhaling achterblijft.</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Tonen</translation>
    </message>
    <message>
        <source>Show what was typed</source>
        <translation>Tonen wat er is getypt</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Verbergen</translation>
    </message>
    <message>
        <source>Stored on this computer; paste a new one to replace it</source>
        <translation>Opgeslagen op deze computer; plak een nieuwe om die te vervangen</translation>
    </message>
    <message>
        <source>Paste it here</source>
        <translation>Hier plakken</translation>
    </message>
    <message>
        <source>Given to the app by the environment variable {name}</source>
        <translation>Aan de app gegeven via de omgevingsvariabele {name}</translation>
    </message>
    <message>
        <source>No OS keyring on this computer: give it to the app in {name}</source>
        <translation>Geen sleutelhanger van het besturingssysteem op deze computer: geef dit aan de app via {name}</translation>
    </message>
    <message>
        <source>Another host…</source>
        <translation>Andere host…</translation>
    </message>
    <message>
        <source>Type the host&apos;s address.</source>
        <translation>Typ het adres van de host.</translation>
    </message>
    <message>
        <source>Type the address in full, starting with https://</source>
        <translation>Typ het volledige adres, beginnend met https://</translation>
    </message>
    <message>
        <source>This computer has no OS keyring, so the {what} cannot be kept safely here, and it is never written to a plain file. Start or unlock the keyring (Windows Credential Manager, macOS Keychain, GNOME Keyring or KWallet) and open this again, or give the app the {what} in the environment variable {variable} and start it again.</source>
        <translation>Deze computer heeft geen sleutelhanger van het besturingssysteem, dus de {what} kan hier niet veilig worden bewaard, en wordt nooit in een gewoon bestand geschreven. Start of ontgrendel de sleutelhanger (Windows Credential Manager, macOS Keychain, GNOME Keyring of KWallet) en open dit opnieuw, of geef de app de {what} via de omgevingsvariabele {variable} en start de app opnieuw.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Taal</translation>
    </message>
    <message>
        <source>The language of this counter&apos;s screens, slips and Nudj texts. It applies at once: the screens are made again in it.</source>
        <translation>De taal van de schermen, bonnen en Nudj-teksten van deze balie. Hij geldt meteen: de schermen worden opnieuw opgebouwd in die taal.</translation>
    </message>
    <message>
        <source>Connect to Piggy</source>
        <extracomment>What to do, for a person at a terminal: commands and POS_APP_* variables allowed. The same next step in app words (no command lines), for a screen in the app; empty where ``next_step`` names nothing technical or there is nothing to do. The app&apos;s settings page for each component&apos;s settings, for ``app_step`` texts.</extracomment>
        <translation>Verbinden met Piggy</translation>
    </message>
    <message>
        <source>Piggy (Leat) holds the customers and their rewards. Create a personal access token (or an API key) in Piggy&apos;s business dashboard and paste it here.</source>
        <translation>Piggy (Leat) beheert de klanten en hun beloningen. Maak in het bedrijfsdashboard van Piggy een persoonlijk toegangstoken (of een API-sleutel) aan en plak dat hier.</translation>
    </message>
    <message>
        <source>Piggy host</source>
        <translation>Piggy-host</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Personal access token</source>
        <translation>Persoonlijk toegangstoken</translation>
    </message>
    <message>
        <source>OAuth client (client id and secret)</source>
        <translation>OAuth-client (client-id en clientsecret)</translation>
    </message>
    <message>
        <source>Sign in with</source>
        <translation>Aanmelden met</translation>
    </message>
    <message>
        <source>Piggy personal access token</source>
        <translation>Persoonlijk toegangstoken voor Piggy</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Piggy client id</source>
        <translation>Client-id voor Piggy</translation>
    </message>
    <message>
        <source>Client id</source>
        <translation>Client-id</translation>
    </message>
    <message>
        <source>Piggy client secret</source>
        <translation>Clientsecret voor Piggy</translation>
    </message>
    <message>
        <source>Client secret</source>
        <translation>Clientsecret</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Testen</translation>
    </message>
    <message>
        <source>Test the connection to Piggy</source>
        <translation>De verbinding met Piggy testen</translation>
    </message>
    <message>
        <source>Type the client id.</source>
        <extracomment>The access of the last test that passed; the page is complete while it holds. The access the counter has now (Settings): unchanged, it needs no new Test.</extracomment>
        <translation>Typ de client-id.</translation>
    </message>
    <message>
        <source>Paste the client secret first.</source>
        <translation>Plak eerst het clientsecret.</translation>
    </message>
    <message>
        <source>Paste the token first.</source>
        <translation>Plak eerst het token.</translation>
    </message>
    <message>
        <source>Press Test first: the counter only goes on with a key that works.</source>
        <translation>Druk eerst op Testen: de balie gaat alleen verder met een sleutel die werkt.</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Testen…</translation>
    </message>
    <message numerus="yes">
        <source>Connected: Piggy accepted the key and shows %n shop(s).</source>
        <translation>
            <numerusform>Verbonden: Piggy accepteerde de sleutel en toont %n winkel.</numerusform>
            <numerusform>Verbonden: Piggy accepteerde de sleutel en toont %n winkels.</numerusform>
        </translation>
    </message>
    <message>
        <source>Piggy accepted the key, but it sees no shop. Give the key access to your shop in Piggy&apos;s dashboard, then test again.</source>
        <translation>Piggy accepteerde de sleutel, maar ziet geen winkel. Geef de sleutel toegang tot je winkel in het dashboard van Piggy en test opnieuw.</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(geen naam)</translation>
    </message>
    <message>
        <source>web shop</source>
        <translation>webshop</translation>
    </message>
    <message>
        <source>shop</source>
        <translation>winkel</translation>
    </message>
    <message>
        <source>Your shop</source>
        <translation>Je winkel</translation>
    </message>
    <message>
        <source>Which shop is this counter in? Pickups are recorded for it.</source>
        <translation>In welke winkel staat deze balie? Afhalingen worden voor die winkel geregistreerd.</translation>
    </message>
    <message>
        <source>Shops</source>
        <translation>Winkels</translation>
    </message>
    <message>
        <source>Loading the shops…</source>
        <translation>Winkels laden…</translation>
    </message>
    <message>
        <source>Piggy shows no shops for this key.</source>
        <translation>Piggy toont geen winkels voor deze sleutel.</translation>
    </message>
    <message>
        <source>This is a web shop: pickups normally belong to a physical shop.</source>
        <translation>Dit is een webshop: afhalingen horen normaal bij een fysieke winkel.</translation>
    </message>
    <message>
        <source>Choose the shop.</source>
        <translation>Kies de winkel.</translation>
    </message>
    <message>
        <source>{vendor} host</source>
        <extracomment>Platforms Giftoin&apos;s documentation names; others can be typed.</extracomment>
        <translation>{vendor}-host</translation>
    </message>
    <message>
        <source>{vendor} key</source>
        <translation>{vendor}-sleutel</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Sleutel</translation>
    </message>
    <message>
        <source>Giftoin collection challenges</source>
        <extracomment>What the counter uses now (Settings): unchanged, it needs no new Check.</extracomment>
        <translation>Giftoin-verzameluitdagingen</translation>
    </message>
    <message>
        <source>Giftoin platform</source>
        <translation>Giftoin-platform</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Platform</translation>
    </message>
    <message>
        <source>Piggy attribute with the customer&apos;s platform id</source>
        <translation>Piggy-attribuut met het platform-id van de klant</translation>
    </message>
    <message>
        <source>Id in Piggy attribute</source>
        <translation>Id in Piggy-attribuut</translation>
    </message>
    <message>
        <source>Nudj rewards and points</source>
        <translation>Nudj-beloningen en -punten</translation>
    </message>
    <message>
        <source>How Nudj knows the customer</source>
        <translation>Hoe Nudj de klant herkent</translation>
    </message>
    <message>
        <source>Nudj knows customers by</source>
        <translation>Nudj herkent klanten aan</translation>
    </message>
    <message>
        <source>their Piggy contact uuid</source>
        <translation>hun Piggy-contact-uuid</translation>
    </message>
    <message>
        <source>their email address</source>
        <translation>hun e-mailadres</translation>
    </message>
    <message>
        <source>the Piggy attribute {name}</source>
        <translation>het Piggy-attribuut {name}</translation>
    </message>
    <message>
        <source>Giftoin and Nudj (optional)</source>
        <translation>Giftoin en Nudj (optioneel)</translation>
    </message>
    <message>
        <source>The side panel can show a customer&apos;s Giftoin collection challenges and Nudj points. Scan a real customer&apos;s card to see whom each setting finds.</source>
        <translation>Het zijpaneel kan de Giftoin-verzameluitdagingen en Nudj-punten van een klant tonen. Scan de kaart van een echte klant om te zien wie elke instelling vindt.</translation>
    </message>
    <message>
        <source>Scan or type a customer&apos;s card</source>
        <translation>Scan of typ de kaart van een klant</translation>
    </message>
    <message>
        <source>A customer&apos;s card, for the preview</source>
        <translation>Kaart van een klant, voor de voorvertoning</translation>
    </message>
    <message>
        <source>Look up</source>
        <translation>Opzoeken</translation>
    </message>
    <message>
        <source>Off: its stored key is removed from this computer when this is saved.</source>
        <translation>Uit: de opgeslagen sleutel wordt bij het opslaan van deze computer verwijderd.</translation>
    </message>
    <message>
        <source>Check the keys and the mapping</source>
        <translation>De sleutels en de koppeling controleren</translation>
    </message>
    <message>
        <source>Use this mapping anyway (this customer may have no account there)</source>
        <translation>Deze koppeling toch gebruiken (deze klant heeft daar misschien geen account)</translation>
    </message>
    <message>
        <source>Press Check: a program that is on needs a key that works.</source>
        <translation>Druk op Controleren: een programma dat aan staat, heeft een sleutel nodig die werkt.</translation>
    </message>
    <message>
        <source>The mapping found this customer nowhere: change it, or tick “Use this mapping anyway”.</source>
        <translation>De koppeling vond deze klant nergens: pas hem aan, of vink “Deze koppeling toch gebruiken” aan.</translation>
    </message>
    <message>
        <source>Scan or type a card first.</source>
        <translation>Scan of typ eerst een kaart.</translation>
    </message>
    <message>
        <source>Looking up…</source>
        <translation>Opzoeken…</translation>
    </message>
    <message>
        <source>Found {name}. Press Check to see whom each program finds.</source>
        <translation>{name} gevonden. Druk op Controleren om te zien wie elk programma vindt.</translation>
    </message>
    <message>
        <source>Paste the key first.</source>
        <translation>Plak eerst de sleutel.</translation>
    </message>
    <message>
        <source>Scan a customer&apos;s card above to try the mapping.</source>
        <translation>Scan hierboven de kaart van een klant om de koppeling te proberen.</translation>
    </message>
    <message>
        <source>Settings pages</source>
        <extracomment>The pages whose fields Save writes (the others only act).</extracomment>
        <translation>Pagina’s van Instellingen</translation>
    </message>
    <message>
        <source>Save and restart the counter</source>
        <translation>Opslaan en de balie herstarten</translation>
    </message>
    <message>
        <source>The OS keyring refused to keep the keys, so nothing was saved. Start or unlock the keyring and save again.</source>
        <extracomment>Where the settings were written, once they were.</extracomment>
        <translation>De sleutelhanger van het besturingssysteem weigerde de sleutels te bewaren, dus er is niets opgeslagen. Start of ontgrendel de sleutelhanger en sla opnieuw op.</translation>
    </message>
    <message>
        <source>The settings file {path} cannot be written ({error}). Nothing was saved.</source>
        <translation>Het instellingenbestand {path} kan niet worden geschreven ({error}). Er is niets opgeslagen.</translation>
    </message>
    <message>
        <source>Set up this counter</source>
        <extracomment>The result code of a wizard closed to come back in the language just chosen.</extracomment>
        <translation>Deze balie instellen</translation>
    </message>
    <message>
        <source>Finish: start the counter</source>
        <translation>Voltooien: de balie starten</translation>
    </message>
    <message>
        <source>Saving…</source>
        <extracomment>Where the settings were written, once they were.</extracomment>
        <translation>Opslaan…</translation>
    </message>
    <message>
        <source>The OS keyring refused to keep the keys, so nothing was saved. Start or unlock the keyring and press Finish again.</source>
        <translation>De sleutelhanger van het besturingssysteem weigerde de sleutels te bewaren, dus er is niets opgeslagen. Start of ontgrendel de sleutelhanger en druk opnieuw op Voltooien.</translation>
    </message>
    <message>
        <source>Staff PINs need the OS keyring, and this computer has none, so no manager can be created here. Start or unlock the keyring and open this again.</source>
        <translation>Pincodes van medewerkers hebben de sleutelhanger van het besturingssysteem nodig, en die heeft deze computer niet, dus hier kan geen manager worden aangemaakt. Start of ontgrendel de sleutelhanger en open dit opnieuw.</translation>
    </message>
    <message>
        <source>The staff list cannot be opened. Ask your IT contact.</source>
        <translation>De medewerkerslijst kan niet worden geopend. Vraag het je IT-contactpersoon.</translation>
    </message>
    <message>
        <source>Connected: {vendor} accepted the key.</source>
        <translation>Verbonden: {vendor} heeft de sleutel geaccepteerd.</translation>
    </message>
    <message>
        <source>No connection to {vendor}. Check the host and this computer&apos;s network (a firewall or proxy may block it).</source>
        <translation>Geen verbinding met {vendor}. Controleer de host en het netwerk van deze computer (een firewall of proxy kan de verbinding blokkeren).</translation>
    </message>
    <message>
        <source>{vendor} did not answer in time. Check this computer&apos;s network, then try again.</source>
        <translation>{vendor} antwoordde niet op tijd. Controleer het netwerk van deze computer en probeer het opnieuw.</translation>
    </message>
    <message>
        <source>{vendor} rejected the key. Copy it again from {vendor}&apos;s dashboard: it may be mistyped, revoked, or for another host.</source>
        <translation>{vendor} heeft de sleutel geweigerd. Kopieer hem opnieuw uit het dashboard van {vendor}: hij is misschien verkeerd getypt, ingetrokken of voor een andere host.</translation>
    </message>
    <message>
        <source>{vendor} accepted the key, but it may not be used for this. Give it the permission in {vendor}&apos;s dashboard, or create a key that has it.</source>
        <translation>{vendor} heeft de sleutel geaccepteerd, maar die mag hiervoor niet worden gebruikt. Geef de sleutel dat recht in het dashboard van {vendor}, of maak een sleutel aan die het heeft.</translation>
    </message>
    <message>
        <source>{vendor} is busy or in maintenance right now; the key was not rejected. Try again in a few minutes.</source>
        <translation>{vendor} is nu druk of in onderhoud; de sleutel is niet geweigerd. Probeer het over een paar minuten opnieuw.</translation>
    </message>
    <message>
        <source>Something answered at this host, but not {vendor}. Check the host: it is the address of {vendor}&apos;s API, e.g. https://api.example.com.</source>
        <translation>Er antwoordde iets op deze host, maar niet {vendor}. Controleer de host: dat is het adres van de API van {vendor}, bijv. https://api.example.com.</translation>
    </message>
    <message>
        <source>Giftoin key</source>
        <translation>Giftoin-sleutel</translation>
    </message>
    <message>
        <source>Nudj token</source>
        <translation>Nudj-token</translation>
    </message>
    <message>
        <source>key that protects the staff PINs</source>
        <translation>sleutel die de pincodes van medewerkers beschermt</translation>
    </message>
    <message>
        <source>The card could not be looked up. Try again.</source>
        <translation>De kaart kon niet worden opgezocht. Probeer het opnieuw.</translation>
    </message>
    <message>
        <source>{vendor}: this customer&apos;s Piggy contact holds nothing for this mapping, so nothing would be sent. Choose another attribute.</source>
        <translation>{vendor}: het Piggy-contact van deze klant bevat niets voor deze koppeling, dus er zou niets worden verstuurd. Kies een ander attribuut.</translation>
    </message>
    <message>
        <source>the customer&apos;s email address</source>
        <translation>het e-mailadres van de klant</translation>
    </message>
    <message>
        <source>the id {id}</source>
        <translation>het id {id}</translation>
    </message>
    <message>
        <source>{vendor}: would send {sent}. {problem}</source>
        <translation>{vendor}: zou {sent} versturen. {problem}</translation>
    </message>
    <message>
        <source>{vendor}: sends {sent}, and {vendor} knows nobody by it. With this mapping the panel would stay empty for this customer.</source>
        <translation>{vendor}: verstuurt {sent}, en {vendor} kent daarmee niemand. Met deze koppeling blijft het paneel leeg voor deze klant.</translation>
    </message>
    <message numerus="yes">
        <source>%n collection challenge(s)</source>
        <translation>
            <numerusform>%n verzameluitdaging</numerusform>
            <numerusform>%n verzameluitdagingen</numerusform>
        </translation>
    </message>
    <message>
        <source>{points} points</source>
        <translation>{points} punten</translation>
    </message>
    <message>
        <source>an account</source>
        <translation>een account</translation>
    </message>
    <message>
        <source>{vendor}: sends {sent} and finds this customer ({found}).</source>
        <translation>{vendor}: verstuurt {sent} en vindt deze klant ({found}).</translation>
    </message>
    <message>
        <source>The hand-over is recorded; Print tries the printer again, or save the slip as PDF.</source>
        <translation>De overhandiging is vastgelegd; Afdrukken probeert de printer opnieuw, of bewaar de bon als pdf.</translation>
    </message>
    <message>
        <source>The slip could not be printed ({error}).</source>
        <translation>De bon kon niet worden afgedrukt ({error}).</translation>
    </message>
    <message>
        <source>Choose a printer with Print…, or save the slip as PDF.</source>
        <translation>Kies een printer met Afdrukken…, of sla de bon op als PDF.</translation>
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
        <translation>Verloopt niet</translation>
    </message>
    <message>
        <source>{when} · {who}</source>
        <translation>{when} · {who}</translation>
    </message>
    <message>
        <source>Ready on the shelf since {when} ({who})</source>
        <translation>Klaar op de plank sinds {when} ({who})</translation>
    </message>
    <message>
        <source>All ready</source>
        <translation>Alles klaar</translation>
    </message>
    <message>
        <source>{ready} of {n} ready</source>
        <translation>{ready} van {n} klaar</translation>
    </message>
    <message>
        <source>Customer: {name}</source>
        <translation>Klant: {name}</translation>
    </message>
    <message>
        <source>Claimed {date}</source>
        <translation>Geclaimd op {date}</translation>
    </message>
    <message>
        <source>Expires: {date}</source>
        <translation>Verloopt: {date}</translation>
    </message>
    <message>
        <source>Pickup slip — reprint</source>
        <translation>Afhaalbon — herdruk</translation>
    </message>
    <message>
        <source>Customer: {customer}</source>
        <translation>Klant: {customer}</translation>
    </message>
    <message>
        <source>Handed over by: {staff}</source>
        <translation>Overhandigd door: {staff}</translation>
    </message>
    <message>
        <source>Counter: {counter}</source>
        <translation>Balie: {counter}</translation>
    </message>
    <message>
        <source>Keep this slip. If you bring an item back, bring the slip too.</source>
        <translation>Bewaar deze bon. Breng je een artikel terug, neem de bon dan ook mee.</translation>
    </message>
    <message>
        <source>{when} · Counter: {counter}</source>
        <translation>{when} · Balie: {counter}</translation>
    </message>
    <message>
        <source>Code for this reward</source>
        <translation>Code voor deze beloning</translation>
    </message>
    <message numerus="yes">
        <source>Code for these %n rewards</source>
        <translation>
            <numerusform>Code voor %n beloning</numerusform>
            <numerusform>Code voor deze %n beloningen</numerusform>
        </translation>
    </message>
    <message>
        <source>Keep this slip. If you bring an item back, bring the slip too: the code finds your pickup at the counter.</source>
        <translation>Bewaar deze bon. Breng je een artikel terug, neem de bon dan ook mee: met de code vinden we je afhaling aan de balie.</translation>
    </message>
    <message>
        <source>{shop} · Pickup slip · {when} · {customer} (continued)</source>
        <translation>{shop} · Afhaalbon · {when} · {customer} (vervolg)</translation>
    </message>
    <message>
        <source>Pickup slip {ref}</source>
        <translation>Afhaalbon {ref}</translation>
    </message>
    <message>
        <source>Pick list</source>
        <extracomment>Claims left out because they are on the shelf already.</extracomment>
        <translation>Picklijst</translation>
    </message>
    <message>
        <source>Made {when}</source>
        <translation>Gemaakt {when}</translation>
    </message>
    <message>
        <source>{customer} · claimed {claimed} · expires {expires}</source>
        <translation>{customer} · geclaimd {claimed} · verloopt {expires}</translation>
    </message>
    <message>
        <source>Nothing to prepare.</source>
        <translation>Niets klaar te zetten.</translation>
    </message>
    <message numerus="yes">
        <source>%n reward(s) to prepare</source>
        <translation>
            <numerusform>%n beloning klaar te zetten</numerusform>
            <numerusform>%n beloningen klaar te zetten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already on the shelf</source>
        <translation>
            <numerusform>%n al op de plank</numerusform>
            <numerusform>%n al op de plank</numerusform>
        </translation>
    </message>
    <message>
        <source>{shop} · Pick list · {when} (continued)</source>
        <translation>{shop} · Picklijst · {when} (vervolg)</translation>
    </message>
    <message>
        <source>The printer could not be started.</source>
        <translation>De printer kon niet worden gestart.</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>Papier</translation>
    </message>
    <message>
        <source>80 mm receipt</source>
        <translation>Bon 80 mm</translation>
    </message>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Afdrukken…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Opslaan als PDF…</translation>
    </message>
    <message>
        <source>Saved as {path}.</source>
        <translation>Opgeslagen als {path}.</translation>
    </message>
    <message>
        <source>Save the pick list as PDF</source>
        <translation>De picklijst opslaan als PDF</translation>
    </message>
    <message>
        <source>Print the pick list</source>
        <translation>De picklijst afdrukken</translation>
    </message>
    <message>
        <source>The pick list could not be printed or saved ({error}). Try again.</source>
        <translation>De picklijst kon niet worden afgedrukt of opgeslagen ({error}). Probeer het opnieuw.</translation>
    </message>
    <message>
        <source>None in this period.</source>
        <translation>Geen in deze periode.</translation>
    </message>
    <message>
        <source>Report {period}</source>
        <translation>Rapport {period}</translation>
    </message>
    <message>
        <source>The PDF could not be written to {path}.</source>
        <translation>De PDF kon niet worden geschreven naar {path}.</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Rapport</translation>
    </message>
    <message>
        <source>Test slip</source>
        <extracomment>The code a test slip prints: which paper it was laid out for. It is no pickup&apos;s code, so scanning it at the counter finds nothing.</extracomment>
        <translation>Testbon</translation>
    </message>
    <message>
        <source>This is a test: nothing was handed over</source>
        <translation>Dit is een test: er is niets overhandigd</translation>
    </message>
    <message>
        <source>No printer found: “{printer}” is not on this PC.</source>
        <extracomment>Makes the printer for a slip: the printer&apos;s name (None: the system&apos;s default) and the paper; raises :class:`PrinterMissing` when there is no such printer. The chosen printer&apos;s name; None when the system&apos;s default was wanted.</extracomment>
        <translation>Geen printer gevonden: “{printer}” staat niet op deze pc.</translation>
    </message>
    <message>
        <source>No printer found: this PC has no default printer.</source>
        <translation>Geen printer gevonden: deze pc heeft geen standaardprinter.</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) left</source>
        <translation>
            <numerusform>Nog %n dag</numerusform>
            <numerusform>Nog %n dagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) left</source>
        <translation>
            <numerusform>Nog %n uur</numerusform>
            <numerusform>Nog %n uur</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) left</source>
        <translation>
            <numerusform>Nog %n minuut</numerusform>
            <numerusform>Nog %n minuten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more to collect</source>
        <translation>
            <numerusform>Nog %n te verzamelen</numerusform>
            <numerusform>Nog %n te verzamelen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing to pick up: %n reward(s) expired (last on {date})</source>
        <extracomment>The filter field shows when the list has more rows than this.</extracomment>
        <translation>
            <numerusform>Niets af te halen: %n beloning verlopen (op {date})</numerusform>
            <numerusform>Niets af te halen: %n beloningen verlopen (laatste op {date})</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n digital</source>
        <translation>
            <numerusform>%n digitaal</numerusform>
            <numerusform>%n digitaal</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to pick up</source>
        <translation>
            <numerusform>%n af te halen</numerusform>
            <numerusform>%n af te halen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n expired</source>
        <translation>
            <numerusform>%n verlopen</numerusform>
            <numerusform>%n verlopen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Expires in %n day(s)</source>
        <translation>
            <numerusform>Verloopt over %n dag</numerusform>
            <numerusform>Verloopt over %n dagen</numerusform>
        </translation>
    </message>
    <message>
        <source>Giftoin and Nudj</source>
        <translation>Giftoin en Nudj</translation>
    </message>
    <message>
        <source>Settings → {page}</source>
        <translation>Instellingen → {page}</translation>
    </message>
    <message>
        <source>reachable</source>
        <translation>bereikbaar</translation>
    </message>
    <message>
        <source>credentials accepted</source>
        <translation>inloggegevens geaccepteerd</translation>
    </message>
    <message>
        <source>no Piggy personal access token / API key</source>
        <extracomment>&quot;no &lt;the secret&apos;s label&gt;&quot; (:attr:`SecretName.label`), in words the app translates.</extracomment>
        <translation>geen persoonlijk toegangstoken of API-sleutel voor Piggy</translation>
    </message>
    <message>
        <source>no Piggy OAuth client secret</source>
        <translation>geen OAuth-clientsecret voor Piggy</translation>
    </message>
    <message>
        <source>no Giftoin API key</source>
        <translation>geen Giftoin-API-sleutel</translation>
    </message>
    <message>
        <source>no Nudj API token</source>
        <translation>geen Nudj-API-token</translation>
    </message>
    <message>
        <source>no key that protects the staff PINs</source>
        <translation>geen sleutel die de pincodes van medewerkers beschermt</translation>
    </message>
    <message>
        <source>no shared journal (PostgreSQL) password</source>
        <translation>geen wachtwoord voor het gedeelde logboek (PostgreSQL)</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>geen antwoord</translation>
    </message>
    <message>
        <source>{url} did not answer in time</source>
        <translation>{url} antwoordde niet op tijd</translation>
    </message>
    <message>
        <source>Check this PC&apos;s network connection, then run the check again.</source>
        <translation>Controleer de netwerkverbinding van deze computer en voer de controle daarna opnieuw uit.</translation>
    </message>
    <message>
        <source>cannot connect to {url}</source>
        <translation>geen verbinding met {url}</translation>
    </message>
    <message>
        <source>Check this PC&apos;s network connection and the server address in {page}.</source>
        <translation>Controleer de netwerkverbinding van deze computer en het serveradres in {page}.</translation>
    </message>
    <message>
        <source>the server refused the credentials</source>
        <translation>de server weigerde de inloggegevens</translation>
    </message>
    <message>
        <source>Open {page} and paste a new {secret}.</source>
        <translation>Open {page} en plak je nieuwe {secret}.</translation>
    </message>
    <message>
        <source>credentials accepted, but not allowed to use this API</source>
        <translation>inloggegevens geaccepteerd, maar ze geven geen toegang tot deze API</translation>
    </message>
    <message>
        <source>Give the key access to this API in the vendor&apos;s dashboard.</source>
        <translation>Geef de sleutel toegang tot deze API in het dashboard van de leverancier.</translation>
    </message>
    <message>
        <source>{url} is in maintenance (HTTP 503)</source>
        <translation>{url} is in onderhoud (HTTP 503)</translation>
    </message>
    <message>
        <source>Wait and run the check again; nothing to change here.</source>
        <translation>Wacht even en voer de controle opnieuw uit; hier hoeft niets te veranderen.</translation>
    </message>
    <message>
        <source>service in maintenance</source>
        <translation>dienst in onderhoud</translation>
    </message>
    <message>
        <source>rate limited for {seconds} s; credentials were not rejected</source>
        <translation>te veel verzoeken, {seconds} s wachten; de inloggegevens zijn niet geweigerd</translation>
    </message>
    <message>
        <source>rate limited; credentials were not rejected</source>
        <translation>te veel verzoeken; de inloggegevens zijn niet geweigerd</translation>
    </message>
    <message>
        <source>Run the check again later.</source>
        <translation>Voer de controle later opnieuw uit.</translation>
    </message>
    <message>
        <source>{url} answered, but not like the {vendor} API: {error}</source>
        <translation>{url} antwoordde, maar niet zoals de API van {vendor}: {error}</translation>
    </message>
    <message>
        <source>Open {page} and check the server address: only the host, e.g. https://host.</source>
        <translation>Open {page} en controleer het serveradres: alleen de host, bijv. https://host.</translation>
    </message>
    <message>
        <source>unexpected answer</source>
        <translation>onverwacht antwoord</translation>
    </message>
    <message>
        <source>not checked: {why}</source>
        <translation>niet gecontroleerd: {why}</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>Piggy cannot be reached (see above)</source>
        <translation>Piggy is niet bereikbaar (zie hierboven)</translation>
    </message>
    <message>
        <source>file</source>
        <translation>bestand</translation>
    </message>
    <message>
        <source>defaults and POS_APP_* only</source>
        <translation>alleen standaardwaarden en POS_APP_*</translation>
    </message>
    <message>
        <source>{path} does not exist: defaults and POS_APP_* variables in use</source>
        <translation>{path} bestaat niet: standaardwaarden en POS_APP_*-variabelen in gebruik</translation>
    </message>
    <message>
        <source>writable</source>
        <translation>beschrijfbaar</translation>
    </message>
    <message>
        <source>Ask your IT contact to give this PC&apos;s user write access to the data folder.</source>
        <translation>Vraag je IT-contactpersoon om de gebruiker van deze computer schrijfrechten op de gegevensmap te geven.</translation>
    </message>
    <message>
        <source>Keyring</source>
        <translation>Sleutelhanger</translation>
    </message>
    <message>
        <source>available</source>
        <translation>beschikbaar</translation>
    </message>
    <message>
        <source>OS keyring in use</source>
        <translation>sleutelhanger van het besturingssysteem in gebruik</translation>
    </message>
    <message>
        <source>no OS keyring on this machine; secrets come from environment variables</source>
        <translation>geen sleutelhanger van het besturingssysteem op deze computer; sleutels en tokens komen uit omgevingsvariabelen</translation>
    </message>
    <message>
        <source>no OS keyring on this machine</source>
        <translation>geen sleutelhanger van het besturingssysteem op deze computer</translation>
    </message>
    <message>
        <source>Sign in to this PC again so that its keyring is unlocked, then restart the app. If that does not help, ask your IT contact.</source>
        <translation>Meld je opnieuw aan op deze computer, zodat de sleutelhanger wordt ontgrendeld, en start de app daarna opnieuw. Helpt dat niet, vraag het dan je IT-contactpersoon.</translation>
    </message>
    <message>
        <source>found (keyring)</source>
        <translation>gevonden (sleutelhanger)</translation>
    </message>
    <message>
        <source>found (environment)</source>
        <translation>gevonden (omgevingsvariabele)</translation>
    </message>
    <message>
        <source>found ({source})</source>
        <translation>gevonden ({source})</translation>
    </message>
    <message>
        <source>Open {page} and paste the {secret}.</source>
        <translation>Open {page} en plak je {secret}.</translation>
    </message>
    <message>
        <source>client id</source>
        <translation>client-id</translation>
    </message>
    <message>
        <source>piggy_auth_mode is client_credentials but no piggy_client_id is set</source>
        <translation>piggy_auth_mode is client_credentials, maar er is geen piggy_client_id ingesteld</translation>
    </message>
    <message>
        <source>Open {page} and enter the client id.</source>
        <translation>Open {page} en vul de client-id in.</translation>
    </message>
    <message>
        <source>no shop list</source>
        <translation>geen winkellijst</translation>
    </message>
    <message>
        <source>Open {page} and choose this shop.</source>
        <translation>Open {page} en kies deze winkel.</translation>
    </message>
    <message>
        <source>no shop_uuid configured</source>
        <translation>geen shop_uuid ingesteld</translation>
    </message>
    <message>
        <source>{shop} is a {type} shop, not a physical one</source>
        <translation>{shop} is een winkel van het type {type}, geen fysieke winkel</translation>
    </message>
    <message>
        <source>Pickups normally belong to a physical shop; open {page} and check the shop.</source>
        <translation>Afhalingen horen normaal bij een fysieke winkel; open {page} en controleer de winkel.</translation>
    </message>
    <message>
        <source>shop {uuid} does not exist for this key</source>
        <translation>winkel {uuid} bestaat niet voor deze sleutel</translation>
    </message>
    <message>
        <source>host</source>
        <translation>host</translation>
    </message>
    <message>
        <source>a Nudj token is stored but no nudj_base_url is set</source>
        <translation>er is een Nudj-token opgeslagen, maar geen nudj_base_url ingesteld</translation>
    </message>
    <message>
        <source>Open {page} and enter the Nudj address, e.g. https://yourshop.nudj.cx</source>
        <translation>Open {page} en vul het Nudj-adres in, bijv. https://yourshop.nudj.cx</translation>
    </message>
    <message>
        <source>user id source</source>
        <translation>bron van het gebruikers-id</translation>
    </message>
    <message>
        <source>Look one customer up in Nudj&apos;s dashboard, then open {page} and choose the id Nudj holds for customers.</source>
        <translation>Zoek één klant op in het dashboard van Nudj, open daarna {page} en kies het id dat Nudj voor klanten bewaart.</translation>
    </message>
    <message>
        <source>Nudj found none of the last {misses} customers looked up by {source}</source>
        <translation>Nudj vond geen van de laatste {misses} klanten die via {source} zijn opgezocht</translation>
    </message>
    <message>
        <source>email: Nudj documents no lookup by email; customers may not be found</source>
        <translation>e-mail: Nudj beschrijft geen opzoeken via e-mail; klanten worden misschien niet gevonden</translation>
    </message>
    <message>
        <source>the Piggy contact uuid (found only where Nudj stores it as external id)</source>
        <translation>de contact-uuid van Piggy (alleen gevonden als Nudj die als extern id bewaart)</translation>
    </message>
    <message>
        <source>the contact attribute {attribute}</source>
        <translation>het contactattribuut {attribute}</translation>
    </message>
    <message>
        <source>configured</source>
        <translation>ingesteld</translation>
    </message>
    <message>
        <source>not configured: the panel stays off</source>
        <translation>niet ingesteld: het paneel blijft uit</translation>
    </message>
    <message>
        <source>To use it: open {page}.</source>
        <translation>Om het te gebruiken: open {page}.</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Klant</translation>
    </message>
    <message>
        <source>found</source>
        <translation>gevonden</translation>
    </message>
    <message>
        <source>rewards</source>
        <translation>beloningen</translation>
    </message>
    <message>
        <source>customer</source>
        <extracomment>The check of a side program&apos;s row (Giftoin, Nudj): this customer in that program.</extracomment>
        <translation>klant</translation>
    </message>
    <message>
        <source>token</source>
        <extracomment>Characters of the contact uuid a row shows: enough to tell customers apart in a ticket. Contact attribute names a row lists at most, to help choose the Giftoin attribute.</extracomment>
        <translation>token</translation>
    </message>
    <message>
        <source>client secret</source>
        <translation>clientsecret</translation>
    </message>
    <message>
        <source>Giftoin API key</source>
        <translation>Giftoin-API-sleutel</translation>
    </message>
    <message>
        <source>staff PIN key</source>
        <translation>pincodesleutel voor medewerkers</translation>
    </message>
    <message>
        <source>{vendor} refused the credentials</source>
        <translation>{vendor} weigerde de inloggegevens</translation>
    </message>
    <message>
        <source>Give the key access to this API in {vendor}&apos;s dashboard.</source>
        <translation>Geef de sleutel toegang tot deze API in het dashboard van {vendor}.</translation>
    </message>
    <message>
        <source>{vendor} accepted the credentials but does not allow this lookup</source>
        <translation>{vendor} accepteerde de inloggegevens, maar staat dit opzoeken niet toe</translation>
    </message>
    <message>
        <source>rate limited for {seconds} s: not checked</source>
        <translation>te veel verzoeken, {seconds} s wachten: niet gecontroleerd</translation>
    </message>
    <message>
        <source>rate limited: not checked</source>
        <translation>te veel verzoeken: niet gecontroleerd</translation>
    </message>
    <message>
        <source>{vendor} refused the lookup (code {code})</source>
        <translation>{vendor} weigerde het opzoeken (code {code})</translation>
    </message>
    <message>
        <source>{vendor} refused the lookup</source>
        <translation>{vendor} weigerde het opzoeken</translation>
    </message>
    <message>
        <source>{url} answered, but not like the {vendor} API</source>
        <translation>{url} antwoordde, maar niet zoals de API van {vendor}</translation>
    </message>
    <message>
        <source>{url} answered with an error (HTTP {status})</source>
        <translation>{url} antwoordde met een fout (HTTP {status})</translation>
    </message>
    <message>
        <source>{url} answered with an error</source>
        <translation>{url} antwoordde met een fout</translation>
    </message>
    <message>
        <source>Run the check again; if this stays, check the server address in {page}.</source>
        <translation>Voer de controle opnieuw uit; blijft dit zo, controleer dan het serveradres in {page}.</translation>
    </message>
    <message>
        <source>no customer with this card</source>
        <translation>geen klant met deze kaart</translation>
    </message>
    <message>
        <source>Scan a card that works at the counter.</source>
        <translation>Scan een kaart die aan de balie werkt.</translation>
    </message>
    <message>
        <source>this card is blocked (reported lost or replaced)</source>
        <translation>deze kaart is geblokkeerd (als verloren of vervangen gemeld)</translation>
    </message>
    <message>
        <source>Scan the customer&apos;s current card, or another customer&apos;s card.</source>
        <translation>Scan de huidige kaart van de klant, of de kaart van een andere klant.</translation>
    </message>
    <message>
        <source>the card exists, but is not linked to a customer</source>
        <translation>de kaart bestaat, maar is niet aan een klant gekoppeld</translation>
    </message>
    <message>
        <source>Scan the card of a customer who linked it in the app.</source>
        <translation>Scan de kaart van een klant die hem in de app heeft gekoppeld.</translation>
    </message>
    <message>
        <source>the card&apos;s customer was not found</source>
        <translation>de klant van deze kaart is niet gevonden</translation>
    </message>
    <message>
        <source>Scan another customer&apos;s card; if every card answers this, ask Piggy support.</source>
        <translation>Scan de kaart van een andere klant; geeft elke kaart dit antwoord, vraag het dan aan de support van Piggy.</translation>
    </message>
    <message>
        <source>the card could not be looked up</source>
        <translation>de kaart kon niet worden opgezocht</translation>
    </message>
    <message>
        <source>Scan the customer&apos;s card or QR code.</source>
        <translation>Scan de kaart of QR-code van de klant.</translation>
    </message>
    <message>
        <source>no card value given</source>
        <translation>geen kaartwaarde opgegeven</translation>
    </message>
    <message>
        <source>an email address is not a card: not looked up</source>
        <translation>een e-mailadres is geen kaart: niet opgezocht</translation>
    </message>
    <message>
        <source>a pickup slip reference is not a customer&apos;s card: not looked up</source>
        <translation>een afhaalbon is geen klantenkaart: niet opgezocht</translation>
    </message>
    <message>
        <source>no card</source>
        <translation>geen kaart</translation>
    </message>
    <message>
        <source>Piggy is not set up</source>
        <translation>Piggy is niet ingesteld</translation>
    </message>
    <message>
        <source>no customer</source>
        <translation>geen klant</translation>
    </message>
    <message>
        <source>contact {uuid}</source>
        <translation>contact {uuid}</translation>
    </message>
    <message>
        <source>Open {page}, enter the client id and paste the client secret.</source>
        <translation>Open {page}, vul de client-id in en plak het clientsecret.</translation>
    </message>
    <message>
        <source>Open {page} and paste the token.</source>
        <translation>Open {page} en plak het token.</translation>
    </message>
    <message>
        <source>Piggy is not set up: not looked up</source>
        <translation>Piggy is niet ingesteld: niet opgezocht</translation>
    </message>
    <message>
        <source>none uncollected</source>
        <translation>geen niet-afgehaalde beloningen</translation>
    </message>
    <message>
        <source>{count} uncollected: {to_pick_up} to hand over, {expired} expired, {digital} digital</source>
        <translation>{count} niet afgehaald: {to_pick_up} te overhandigen, {expired} verlopen, {digital} digitaal</translation>
    </message>
    <message>
        <source>not set up: no panel</source>
        <translation>niet ingesteld: geen paneel</translation>
    </message>
    <message>
        <source>{first} and {second}</source>
        <translation>{first} en {second}</translation>
    </message>
    <message>
        <source>{missing} not set: the panel finds no customer</source>
        <translation>{missing} niet ingesteld: het paneel vindt geen klant</translation>
    </message>
    <message>
        <source>Open {page} and choose the platform and the contact attribute that holds the customer&apos;s id there.</source>
        <translation>Open {page} en kies het platform en het contactattribuut met het id van de klant op dat platform.</translation>
    </message>
    <message>
        <source>{platform} id from the contact attribute {attribute}</source>
        <translation>{platform}-id uit het contactattribuut {attribute}</translation>
    </message>
    <message>
        <source>no challenges ({source}); Giftoin answers so also for an id it does not know</source>
        <translation>geen uitdagingen ({source}); Giftoin antwoordt zo ook bij een id dat het niet kent</translation>
    </message>
    <message>
        <source>{count} challenge ({source})</source>
        <translation>{count} uitdaging ({source})</translation>
    </message>
    <message>
        <source>{count} challenges ({source})</source>
        <translation>{count} uitdagingen ({source})</translation>
    </message>
    <message>
        <source>If this customer uses Giftoin, open {page} and choose the contact attribute that holds their {platform} id.</source>
        <translation>Gebruikt deze klant Giftoin, open dan {page} en kies het contactattribuut met het {platform}-id van de klant.</translation>
    </message>
    <message>
        <source>this customer&apos;s contact has no value in the attribute {attribute}</source>
        <translation>het contact van deze klant heeft geen waarde in het attribuut {attribute}</translation>
    </message>
    <message>
        <source>Giftoin knows no {platform} user with the {source}</source>
        <translation>Giftoin kent geen {platform}-gebruiker met het {source}</translation>
    </message>
    <message>
        <source>If this customer has a Nudj account, open {page} and choose the id Nudj holds for customers.</source>
        <translation>Heeft deze klant een Nudj-account, open dan {page} en kies het id dat Nudj voor klanten bewaart.</translation>
    </message>
    <message>
        <source>this customer&apos;s contact has no email address (looked up by {source})</source>
        <translation>het contact van deze klant heeft geen e-mailadres (opgezocht via {source})</translation>
    </message>
    <message>
        <source>this customer&apos;s contact has no value in the attribute {attribute} (looked up by {source})</source>
        <translation>het contact van deze klant heeft geen waarde in het attribuut {attribute} (opgezocht via {source})</translation>
    </message>
    <message>
        <source>points unknown</source>
        <translation>punten onbekend</translation>
    </message>
    <message>
        <source>{count} point</source>
        <translation>{count} punt</translation>
    </message>
    <message>
        <source>{count} points</source>
        <translation>{count} punten</translation>
    </message>
    <message>
        <source>{count} reward</source>
        <translation>{count} beloning</translation>
    </message>
    <message>
        <source>{count} rewards</source>
        <translation>{count} beloningen</translation>
    </message>
    <message>
        <source>{points}, {rewards} on offer, {affordable} within reach (looked up by {source})</source>
        <translation>{points}, {rewards} in het aanbod, {affordable} binnen bereik (opgezocht via {source})</translation>
    </message>
    <message>
        <source>Nudj found no user for this customer (looked up by {source})</source>
        <translation>Nudj vond geen gebruiker voor deze klant (opgezocht via {source})</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Rapporten</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Periode:</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Vandaag</translation>
    </message>
    <message>
        <source>A day</source>
        <translation>Een dag</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Deze week</translation>
    </message>
    <message>
        <source>A week</source>
        <translation>Een week</translation>
    </message>
    <message>
        <source>Hand-overs per hour</source>
        <translation>Overhandigingen per uur</translation>
    </message>
    <message>
        <source>Hand-overs per staff member</source>
        <translation>Overhandigingen per medewerker</translation>
    </message>
    <message>
        <source>No hand-overs in this period.</source>
        <translation>Geen overhandigingen in deze periode.</translation>
    </message>
    <message>
        <source>Rewards handed out</source>
        <translation>Overhandigde beloningen</translation>
    </message>
    <message>
        <source>Reversals</source>
        <translation>Terugdraaiingen</translation>
    </message>
    <message>
        <source>Reward</source>
        <translation>Beloning</translation>
    </message>
    <message>
        <source>Handed out</source>
        <translation>Overhandigd</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exporteren…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>PDF exporteren…</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Laden…</translation>
    </message>
    <message>
        <source>The report could not be made: {reason}</source>
        <translation>Het rapport kon niet worden gemaakt: {reason}</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>Rapport exporteren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-bestanden (*.csv)</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-bestanden (*.pdf)</translation>
    </message>
    <message>
        <source>The report could not be saved: {reason}</source>
        <translation>Het rapport kon niet worden opgeslagen: {reason}</translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation>Opgeslagen in {path}</translation>
    </message>
    <message>
        <source>Reports…</source>
        <extracomment>Task key of the open Reports page: one at a time.</extracomment>
        <translation>Rapporten…</translation>
    </message>
    <message>
        <source>Reports (manager PIN)</source>
        <translation>Rapporten (managerpincode)</translation>
    </message>
    <message>
        <source>Hand-overs, rewards and reversals of a day or a week (a manager&apos;s PIN is asked)</source>
        <translation>Overhandigingen, beloningen en terugdraaiingen van een dag of een week (de managerpincode wordt gevraagd)</translation>
    </message>
    <message>
        <source>Reports cannot be opened on this counter: no manager PIN can be checked.</source>
        <translation>Rapporten kunnen op deze balie niet worden geopend: er kan geen managerpincode worden gecontroleerd.</translation>
    </message>
    <message>
        <source>Reports need a manager&apos;s PIN.</source>
        <translation>Voor rapporten is een managerpincode nodig.</translation>
    </message>
    <message numerus="yes">
        <source>%n hand-over(s)</source>
        <translation>
            <numerusform>%n overhandiging</numerusform>
            <numerusform>%n overhandigingen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n reward(s)</source>
        <translation>
            <numerusform>%n beloning</numerusform>
            <numerusform>%n beloningen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n reversal(s)</source>
        <translation>
            <numerusform>%n terugdraaiing</numerusform>
            <numerusform>%n terugdraaiingen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n claim(s) at the counter ({points} points)</source>
        <translation>
            <numerusform>%n claim aan de balie ({points} punten)</numerusform>
            <numerusform>%n claims aan de balie ({points} punten)</numerusform>
        </translation>
    </message>
    <message>
        <source>Every counter of the shop</source>
        <translation>Alle balies van de winkel</translation>
    </message>
    <message>
        <source>This counter only</source>
        <translation>Alleen deze balie</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Niet aangemeld</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>nog niets</translation>
    </message>
    <message>
        <source>Cost price</source>
        <translation>Kostprijs</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Totaal</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tijd</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>Balie</translation>
    </message>
    <message>
        <source>Taken back as</source>
        <translation>Teruggenomen als</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reden</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notitie</translation>
    </message>
    <message>
        <source>Reversed by</source>
        <translation>Teruggedraaid door</translation>
    </message>
    <message>
        <source>Back for pickup</source>
        <translation>Weer klaargezet</translation>
    </message>
    <message>
        <source>The shared journal cannot be reached right now: these are this counter&apos;s own figures (latest change recorded {time}).</source>
        <translation>Het gedeelde logboek is nu niet bereikbaar: dit zijn de cijfers van deze balie zelf (laatste wijziging vastgelegd {time}).</translation>
    </message>
    <message>
        <source>This counter&apos;s own journal (no shared journal): latest change recorded {time}.</source>
        <translation>Het eigen logboek van deze balie (geen gedeeld logboek): laatste wijziging vastgelegd {time}.</translation>
    </message>
    <message>
        <source>Shared journal: no counter has copied anything yet.</source>
        <translation>Gedeeld logboek: nog geen balie heeft iets gekopieerd.</translation>
    </message>
    <message>
        <source>{counter}: up to {time}</source>
        <translation>{counter}: tot {time}</translation>
    </message>
    <message numerus="yes">
        <source>this counter: %n change(s) waiting to be copied</source>
        <translation>
            <numerusform>deze balie: %n wijziging wacht op kopiëren</numerusform>
            <numerusform>deze balie: %n wijzigingen wachten op kopiëren</numerusform>
        </translation>
    </message>
    <message>
        <source>Shared journal — {counters}</source>
        <translation>Gedeeld logboek — {counters}</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Bron</translation>
    </message>
    <message>
        <source>Hour</source>
        <translation>Uur</translation>
    </message>
    <message>
        <source>Hand-overs</source>
        <translation>Overhandigingen</translation>
    </message>
    <message>
        <source>Rewards</source>
        <translation>Beloningen</translation>
    </message>
    <message>
        <source>Staff member</source>
        <translation>Medewerker</translation>
    </message>
    <message>
        <source>Claims at the counter</source>
        <translation>Claims aan de balie</translation>
    </message>
    <message>
        <source>Points spent</source>
        <translation>Punten besteed</translation>
    </message>
    <message>
        <source>Counters</source>
        <translation>Balies</translation>
    </message>
    <message>
        <source>Latest change recorded</source>
        <translation>Laatste wijziging vastgelegd</translation>
    </message>
    <message>
        <source>Copied to the shared journal</source>
        <translation>Gekopieerd naar het gedeelde logboek</translation>
    </message>
    <message>
        <source>French (AZERTY)</source>
        <translation>Frans (AZERTY)</translation>
    </message>
    <message>
        <source>Belgian (AZERTY)</source>
        <translation>Belgisch (AZERTY)</translation>
    </message>
    <message>
        <source>German (QWERTZ)</source>
        <translation>Duits (QWERTZ)</translation>
    </message>
    <message>
        <source>France</source>
        <translation>Frankrijk</translation>
    </message>
    <message>
        <source>Belgium</source>
        <translation>België</translation>
    </message>
    <message>
        <source>Germany</source>
        <translation>Duitsland</translation>
    </message>
    <message>
        <source>Letters arrive in the wrong case: Caps Lock is on. Turn Caps Lock off on this PC&apos;s keyboard. If that happens often, scan the &apos;Caps Lock override&apos; (or &apos;Ignore Caps Lock&apos;) programming barcode in the scanner&apos;s manual.</source>
        <translation>Letters komen aan als hoofdletters waar kleine letters horen, en andersom: Caps Lock staat aan. Zet Caps Lock uit op het toetsenbord van deze pc. Gebeurt dat vaak, scan dan in de handleiding van de scanner de programmeerbarcode “Caps Lock override” (of “Ignore Caps Lock”).</translation>
    </message>
    <message>
        <source>This PC uses the {layout} keyboard layout and the scanner types for a US keyboard, so characters arrive changed ({examples}). Set the scanner to this PC&apos;s layout: scan the &apos;Keyboard country: {country}&apos; programming barcode in the scanner&apos;s manual. Or leave the scanner at &apos;US keyboard&apos; and set Windows to the keyboard &apos;English (United States)&apos; (Settings, Time &amp; language, Language &amp; region).</source>
        <translation>Deze pc gebruikt de toetsenbordindeling {layout} en de scanner typt voor een Amerikaans toetsenbord, dus komen tekens veranderd aan ({examples}). Zet de scanner op de indeling van deze pc: scan in de handleiding van de scanner de programmeerbarcode voor het toetsenbordland {country} (“Keyboard country”). Of laat de scanner op “US keyboard” staan en zet Windows op het toetsenbord “Engels (Verenigde Staten)” (Instellingen, Tijd en taal, Taal en regio).</translation>
    </message>
    <message>
        <source>The scanner is set to a {layout} keyboard, but this PC uses a US layout, so characters arrive changed ({examples}). Scan the &apos;Keyboard country: USA&apos; programming barcode in the scanner&apos;s manual.</source>
        <translation>De scanner staat op een {layout} toetsenbord, maar deze pc gebruikt een Amerikaanse indeling, dus komen tekens veranderd aan ({examples}). Scan in de handleiding van de scanner de programmeerbarcode “Keyboard country: USA”.</translation>
    </message>
    <message>
        <source>Some characters arrive as others ({examples}). The scanner and this PC use different keyboard layouts. Set the scanner to this PC&apos;s keyboard layout: its manual has a &apos;Keyboard country&apos; programming barcode for each country.</source>
        <translation>Sommige tekens komen als andere aan ({examples}). De scanner en deze pc gebruiken verschillende toetsenbordindelingen. Zet de scanner op de toetsenbordindeling van deze pc: de handleiding heeft voor elk land een programmeerbarcode (“Keyboard country”).</translation>
    </message>
    <message>
        <source>Characters went missing: the scanner types faster than this PC takes the keys. Scan the &apos;Inter-character delay&apos; (or &apos;Keystroke delay&apos;) programming barcode in the scanner&apos;s manual and choose a short delay, such as 5 ms.</source>
        <translation>Er zijn tekens verloren gegaan: de scanner typt sneller dan deze pc de toetsen aanneemt. Scan in de handleiding van de scanner de programmeerbarcode “Inter-character delay” (of “Keystroke delay”) en kies een korte pauze, bijvoorbeeld 5 ms.</translation>
    </message>
    <message>
        <source>The scanner sends {prefix} before the code: the code type (AIM ID). Scan the &apos;AIM ID off&apos; (or &apos;Transmit Code ID: off&apos;) programming barcode in the scanner&apos;s manual.</source>
        <translation>De scanner stuurt {prefix} vóór de code: het codetype (AIM ID). Scan in de handleiding van de scanner de programmeerbarcode “AIM ID off” (of “Transmit Code ID: off”).</translation>
    </message>
    <message>
        <source>The scanner adds {prefix} before the code. Remove the prefix: scan the &apos;Clear all prefixes&apos; programming barcode in the scanner&apos;s manual.</source>
        <translation>De scanner zet {prefix} vóór de code. Verwijder het voorvoegsel: scan in de handleiding van de scanner de programmeerbarcode “Clear all prefixes”.</translation>
    </message>
    <message>
        <source>The scanner adds {suffix} after the code. Scan the &apos;Clear all suffixes&apos; programming barcode in the scanner&apos;s manual, then the &apos;Enter suffix&apos; (CR) one, so that it still ends with Enter.</source>
        <translation>De scanner zet {suffix} achter de code. Scan in de handleiding van de scanner de programmeerbarcode “Clear all suffixes” en daarna “Enter suffix” (CR), zodat hij nog steeds met Enter eindigt.</translation>
    </message>
    <message>
        <source>The scanner does not press Enter after the code, so the counter would wait for it. Scan the &apos;Enter suffix&apos; (CR) programming barcode in your scanner&apos;s manual (also called &apos;Add CR suffix&apos; or &apos;Terminator: CR&apos;).</source>
        <translation>De scanner drukt na de code niet op Enter, dus de balie zou erop blijven wachten. Scan in de handleiding van je scanner de programmeerbarcode “Enter suffix” (CR) (ook “Add CR suffix” of “Terminator: CR” genoemd).</translation>
    </message>
    <message>
        <source>The scanner presses Tab after the code instead of Enter. Scan the &apos;Enter suffix&apos; (CR) programming barcode in your scanner&apos;s manual instead of the &apos;Tab suffix&apos; one.</source>
        <translation>De scanner drukt na de code op Tab in plaats van Enter. Scan in de handleiding van je scanner de programmeerbarcode “Enter suffix” (CR) in plaats van “Tab suffix”.</translation>
    </message>
    <message>
        <source>The characters came {ms} ms apart: as slowly as a person types (a scanner types one every few ms). Scan the code with the scanner rather than typing it. If this was the scanner, set its &apos;Inter-character delay&apos; to 0 ms with the programming barcode in its manual.</source>
        <translation>De tekens kwamen {ms} ms na elkaar: zo langzaam als iemand typt (een scanner typt er een per paar ms). Scan de code met de scanner in plaats van hem te typen. Was dit de scanner, zet dan met de programmeerbarcode in de handleiding de “Inter-character delay” op 0 ms.</translation>
    </message>
    <message>
        <source>That was not this page&apos;s test code. Scan the barcode or the QR code above. A scanner that reads neither from the screen is a laser scanner: it reads printed cards but no codes on screens, so also none on customers&apos; phones.</source>
        <translation>Dat was niet de testcode van deze pagina. Scan de barcode of de QR-code hierboven. Een scanner die geen van beide van het scherm leest, is een laserscanner: die leest gedrukte kaarten, maar geen codes op schermen, dus ook niet op de telefoon van klanten.</translation>
    </message>
    <message>
        <source>The scanner is ready for this counter: it types the code exactly, fast, and ends with Enter.</source>
        <translation>De scanner is klaar voor deze balie: hij typt de code precies, snel, en eindigt met Enter.</translation>
    </message>
    <message>
        <source>Change this on the scanner, then scan the code again:</source>
        <translation>Verander dit aan de scanner en scan de code daarna opnieuw:</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>Tab (not Enter)</source>
        <translation>Tab (geen Enter)</translation>
    </message>
    <message>
        <source>nothing (no Enter)</source>
        <translation>niets (geen Enter)</translation>
    </message>
    <message>
        <source>one key only</source>
        <translation>maar één toets</translation>
    </message>
    <message>
        <source>{ms} ms between characters: a scanner</source>
        <translation>{ms} ms tussen de tekens: een scanner</translation>
    </message>
    <message>
        <source>{ms} ms between characters: as slow as typing by hand</source>
        <translation>{ms} ms tussen de tekens: zo langzaam als typen met de hand</translation>
    </message>
    <message>
        <source>Scan the test code here</source>
        <extracomment>How long after the last character the page waits for Enter (or Tab) before it says the scanner sends none: scanners send it within milliseconds. Light modules around the codes (Code 128 needs 10, QR codes 4). The bars and spaces, one character per module (&quot;1&quot; a bar).</extracomment>
        <translation>Scan hier de testcode</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Bezig met lezen…</translation>
    </message>
    <message>
        <source>Ready: scan the code now.</source>
        <translation>Klaar: scan nu de code.</translation>
    </message>
    <message>
        <source>Click here, then scan the code.</source>
        <translation>Klik hier en scan dan de code.</translation>
    </message>
    <message>
        <source>Test the scanner</source>
        <translation>Scanner testen</translation>
    </message>
    <message>
        <source>Scan one of these codes with this counter&apos;s scanner. The page shows what the scanner typed, how fast, and whether it ends with Enter, and what to change on the scanner. Nothing is saved here.</source>
        <translation>Scan een van deze codes met de scanner van deze balie. De pagina laat zien wat de scanner typte, hoe snel, en of hij met Enter eindigt, en wat je aan de scanner moet veranderen. Hier wordt niets opgeslagen.</translation>
    </message>
    <message>
        <source>Barcode (Code 128): every scanner reads it</source>
        <translation>Barcode (Code 128): elke scanner leest hem</translation>
    </message>
    <message>
        <source>QR code: for 2D scanners</source>
        <translation>QR-code: voor 2D-scanners</translation>
    </message>
    <message>
        <source>Printing the test codes on {printer}…</source>
        <translation>De testcodes worden afgedrukt op {printer}…</translation>
    </message>
    <message>
        <source>Sent to the receipt printer ({printer}).</source>
        <translation>Verstuurd naar de kassabonprinter ({printer}).</translation>
    </message>
    <message>
        <source>Print the scanner&apos;s test codes</source>
        <translation>De testcodes van de scanner afdrukken</translation>
    </message>
    <message>
        <source>The test codes could not be printed ({error}).</source>
        <translation>De testcodes konden niet worden afgedrukt ({error}).</translation>
    </message>
    <message>
        <source>Sent to {printer}.</source>
        <translation>Verstuurd naar {printer}.</translation>
    </message>
    <message>
        <source>The code: {code}</source>
        <translation>De code: {code}</translation>
    </message>
    <message>
        <source>Print the test codes</source>
        <translation>Testcodes afdrukken</translation>
    </message>
    <message>
        <source>For scanners that cannot read a screen (laser scanners): prints both codes on the receipt printer, or on a printer of this PC</source>
        <translation>Voor scanners die geen scherm kunnen lezen (laserscanners): drukt beide codes af op de kassabonprinter of op een printer van deze pc</translation>
    </message>
    <message>
        <source>It typed</source>
        <translation>Getypt</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Snelheid</translation>
    </message>
    <message>
        <source>Ends with</source>
        <translation>Eindigt met</translation>
    </message>
    <message numerus="yes">
        <source>%n point(s)</source>
        <translation>
            <numerusform>%n punt</numerusform>
            <numerusform>%n punten</numerusform>
        </translation>
    </message>
    <message>
        <source>Points balance not known</source>
        <translation>Puntensaldo onbekend</translation>
    </message>
    <message>
        <source>Balance: {points}</source>
        <translation>Saldo: {points}</translation>
    </message>
    <message>
        <source>Out of stock</source>
        <translation>Niet op voorraad</translation>
    </message>
    <message>
        <source>{n} left</source>
        <translation>Nog {n}</translation>
    </message>
    <message>
        <source>Needs {points} more</source>
        <translation>Nog {points} nodig</translation>
    </message>
    <message>
        <source>{title} is out of stock.</source>
        <translation>{title} is niet op voorraad.</translation>
    </message>
    <message>
        <source>The customer&apos;s points balance is not known: it cannot be claimed now.</source>
        <translation>Het puntensaldo van de klant is onbekend: nu claimen kan niet.</translation>
    </message>
    <message>
        <source>{title} costs {cost}; the customer has {balance}.</source>
        <translation>{title} kost {cost}; de klant heeft {balance}.</translation>
    </message>
    <message>
        <source>To spend points, identify the customer the safe way: scan their card, or look them up by email and type the code Piggy emails them.</source>
        <translation>Om punten te besteden herken je de klant op de veilige manier: scan de kaart, of zoek op e-mail en typ de code die Piggy de klant mailt.</translation>
    </message>
    <message>
        <source>Not claimed: a member of staff signs in to spend a customer&apos;s points.</source>
        <translation>Niet geclaimd: een medewerker meldt zich aan om punten van een klant te besteden.</translation>
    </message>
    <message>
        <source>Staff PINs cannot be checked on this counter, and spending points needs a staff sign-in.</source>
        <translation>Pincodes van medewerkers kunnen op deze balie niet worden gecontroleerd, en punten besteden vraagt een aanmelding van een medewerker.</translation>
    </message>
    <message>
        <source>Not claimed: claims wait until a manager acknowledges the journal check above.</source>
        <translation>Niet geclaimd: claims wachten tot een manager de journaalcontrole hierboven heeft bevestigd.</translation>
    </message>
    <message>
        <source>No shop is set for this counter: a manager chooses it in Settings.</source>
        <translation>Voor deze balie is geen winkel ingesteld: een manager kiest die in Instellingen.</translation>
    </message>
    <message>
        <source>Rewards are claimed with points at a staffed counter.</source>
        <translation>Beloningen claim je met punten aan een bemande balie.</translation>
    </message>
    <message>
        <source>Claiming is not available on this counter.</source>
        <translation>Claimen is op deze balie niet mogelijk.</translation>
    </message>
    <message>
        <source>Claim {title} for {name}?</source>
        <translation>{title} claimen voor {name}?</translation>
    </message>
    <message>
        <source>It costs {cost}.</source>
        <translation>Het kost {cost}.</translation>
    </message>
    <message>
        <source>Points now: {before} · after the claim: {after} (costs {cost})</source>
        <translation>Punten nu: {before} · na de claim: {after} (kost {cost})</translation>
    </message>
    <message>
        <source>Claimed {title}: it waits in the pickup list. {points} left on the balance.</source>
        <translation>{title} geclaimd: het staat klaar in de ophaallijst. Nog {points} op het saldo.</translation>
    </message>
    <message>
        <source>Claimed {title}: it waits in the pickup list.</source>
        <translation>{title} geclaimd: het staat klaar in de ophaallijst.</translation>
    </message>
    <message>
        <source>Claimed {title}: an earlier attempt had gone through, so nothing was claimed twice. It waits in the pickup list.</source>
        <translation>{title} geclaimd: een eerdere poging was al gelukt, dus er is niets twee keer geclaimd. Het staat klaar in de ophaallijst.</translation>
    </message>
    <message>
        <source>The journal could not record it yet; it is recorded later.</source>
        <translation>Het journaal kon het nog niet vastleggen; dat gebeurt later.</translation>
    </message>
    <message>
        <source>Not claimed: the customer does not have enough points for {title}.</source>
        <translation>Niet geclaimd: de klant heeft niet genoeg punten voor {title}.</translation>
    </message>
    <message>
        <source>Not claimed: {title} is out of stock.</source>
        <translation>Niet geclaimd: {title} is niet op voorraad.</translation>
    </message>
    <message>
        <source>Not claimed: the customer has claimed {title} as often as it can be claimed.</source>
        <translation>Niet geclaimd: de klant heeft {title} al zo vaak geclaimd als mag.</translation>
    </message>
    <message>
        <source>Not claimed: {title} is not active any more.</source>
        <translation>Niet geclaimd: {title} is niet meer actief.</translation>
    </message>
    <message>
        <source>Not claimed: Piggy no longer has {title}.</source>
        <translation>Niet geclaimd: Piggy heeft {title} niet meer.</translation>
    </message>
    <message>
        <source>Not claimed: this customer&apos;s card is blocked. Ask for their current card.</source>
        <translation>Niet geclaimd: de kaart van deze klant is geblokkeerd. Vraag naar de huidige kaart.</translation>
    </message>
    <message>
        <source>Not claimed: Piggy no longer knows this customer.</source>
        <translation>Niet geclaimd: Piggy kent deze klant niet meer.</translation>
    </message>
    <message>
        <source>No answer about {title}: it may have been claimed. It is checked with Piggy before anything is sent again; the customer&apos;s points are not spent twice.</source>
        <translation>Geen antwoord over {title}: het kan geclaimd zijn. Dat wordt bij Piggy nagekeken voordat er opnieuw iets wordt verstuurd; de punten van de klant worden niet twee keer besteed.</translation>
    </message>
    <message>
        <source>Not claimed: the journal cannot record it, so nothing was sent. Ask a manager.</source>
        <translation>Niet geclaimd: het journaal kan het niet vastleggen, dus er is niets verstuurd. Vraag een manager.</translation>
    </message>
    <message>
        <source>Not claimed: {title} was checked with Piggy and not found.</source>
        <translation>Niet geclaimd: {title} is bij Piggy nagekeken en niet gevonden.</translation>
    </message>
    <message>
        <source>Not claimed: {reason}</source>
        <translation>Niet geclaimd: {reason}</translation>
    </message>
    <message>
        <source>Not claimed.</source>
        <translation>Niet geclaimd.</translation>
    </message>
    <message>
        <source>For {name}: {text}</source>
        <translation>Voor {name}: {text}</translation>
    </message>
    <message>
        <source>Claimed for {points}</source>
        <translation>Geclaimd voor {points}</translation>
    </message>
    <message>
        <source>Claimed</source>
        <translation>Geclaimd</translation>
    </message>
    <message>
        <source>Not claimed</source>
        <translation>Niet geclaimd</translation>
    </message>
    <message>
        <source>Claim being checked</source>
        <translation>Claim wordt nagekeken</translation>
    </message>
    <message>
        <source>claimed (waiting in the pickup list): {titles}</source>
        <translation>geclaimd (klaar in de ophaallijst): {titles}</translation>
    </message>
    <message>
        <source>not claimed: {titles}</source>
        <translation>niet geclaimd: {titles}</translation>
    </message>
    <message>
        <source>Earlier unfinished claims were checked with Piggy — {outcomes}.</source>
        <translation>Eerdere onafgemaakte claims zijn bij Piggy nagekeken — {outcomes}.</translation>
    </message>
    <message>
        <source>Claim with points…</source>
        <translation>Claimen met punten…</translation>
    </message>
    <message>
        <source>Rewards this customer can claim with their points</source>
        <translation>Beloningen die deze klant met punten kan claimen</translation>
    </message>
    <message>
        <source>Claiming {title}…</source>
        <translation>{title} wordt geclaimd…</translation>
    </message>
    <message>
        <source>The shop&apos;s rewards could not be loaded.</source>
        <translation>De beloningen van de winkel konden niet worden geladen.</translation>
    </message>
    <message>
        <source>Close the camera</source>
        <extracomment>Makes the picture source for a new camera view (which takes it as its child).</extracomment>
        <translation>Camera sluiten</translation>
    </message>
    <message>
        <source>Camera</source>
        <extracomment>Makes the source of each new view (tests and the screenshots hand in still pictures).</extracomment>
        <translation>Camera</translation>
    </message>
    <message>
        <source>Read the customer&apos;s QR code or card with the camera</source>
        <translation>De QR-code of kaart van de klant met de camera lezen</translation>
    </message>
    <message>
        <source>No camera found</source>
        <extracomment>How long the viewfinder stays green after a read. Not running: the view is not on screen. A code was read just now (the viewfinder is green). There is no camera (or no way to reach one). The camera or the decoder stopped working.</extracomment>
        <translation>Geen camera gevonden</translation>
    </message>
    <message>
        <source>Please use the scanner, or ask a member of staff.</source>
        <translation>Gebruik de scanner, of vraag het een medewerker.</translation>
    </message>
    <message>
        <source>Connect a camera, or scan the card or QR code with the scanner.</source>
        <translation>Sluit een camera aan, of scan de kaart of QR-code met de scanner.</translation>
    </message>
    <message>
        <source>The camera is not working</source>
        <translation>De camera werkt niet</translation>
    </message>
    <message>
        <source>Check its cable, or scan the card or QR code with the scanner.</source>
        <translation>Controleer de kabel, of scan de kaart of QR-code met de scanner.</translation>
    </message>
    <message>
        <source>Hold the QR code of the app in front of the camera</source>
        <translation>Houd de QR-code uit de app voor de camera</translation>
    </message>
    <message>
        <source>Starting the camera…</source>
        <translation>Camera wordt gestart…</translation>
    </message>
    <message>
        <source>Keep it inside the frame until it turns green.</source>
        <translation>Houd hem binnen het kader tot het groen wordt.</translation>
    </message>
    <message>
        <source>Code read. One moment…</source>
        <translation>Code gelezen. Een ogenblik…</translation>
    </message>
    <message>
        <source>Camera picture</source>
        <translation>Camerabeeld</translation>
    </message>
    <message>
        <source>Rewards claimed for pickup here (Ctrl+T)</source>
        <translation>Hier te halen geclaimde beloningen (Ctrl+T)</translation>
    </message>
    <message>
        <source>Refresh</source>
        <extracomment>While the page is open the list is read again this often: new claims show within a minute, and a shop&apos;s 2 to 20 reads an hour per open page stay far below Piggy&apos;s limits. A row&apos;s height: a fingertip&apos;s, and read from arm&apos;s length, as in the other lists. When the reads began to fail (None: the last one worked).</extracomment>
        <translation>Vernieuwen</translation>
    </message>
    <message>
        <source>Rewards to prepare</source>
        <translation>Klaar te zetten beloningen</translation>
    </message>
    <message>
        <source>Print pick list…</source>
        <translation>Picklijst afdrukken…</translation>
    </message>
    <message>
        <source>Print what is not on the shelf yet, on 80 mm receipt paper or A4</source>
        <translation>Druk af wat nog niet op de plank ligt, op bonpapier van 80 mm of op A4</translation>
    </message>
    <message>
        <source>Not on the shelf</source>
        <translation>Niet op de plank</translation>
    </message>
    <message>
        <source>Take the mark off the selected rewards: marked by mistake, or put back</source>
        <translation>Haal de markering van de gekozen beloningen: per vergissing gemarkeerd, of teruggelegd</translation>
    </message>
    <message>
        <source>Ready on the shelf</source>
        <translation>Klaar op de plank</translation>
    </message>
    <message>
        <source>Note that the selected rewards are ready on the shelf for their customers</source>
        <translation>Noteer dat de gekozen beloningen klaar op de plank liggen voor hun klanten</translation>
    </message>
    <message>
        <source>The list cannot be read on this counter: Piggy or the journal is not set up.</source>
        <translation>De lijst kan op deze balie niet worden gelezen: Piggy of het logboek is niet ingesteld.</translation>
    </message>
    <message>
        <source>Loading the list…</source>
        <translation>De lijst wordt geladen…</translation>
    </message>
    <message>
        <source>Nothing to prepare: every claim has been picked up.</source>
        <translation>Niets klaar te zetten: alles is afgehaald.</translation>
    </message>
    <message numerus="yes">
        <source>%n reward(s) claimed for pickup</source>
        <translation>
            <numerusform>%n beloning geclaimd om af te halen</numerusform>
            <numerusform>%n beloningen geclaimd om af te halen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n on the shelf</source>
        <translation>
            <numerusform>%n op de plank</numerusform>
            <numerusform>%n op de plank</numerusform>
        </translation>
    </message>
    <message>
        <source>updated {time}</source>
        <translation>bijgewerkt {time}</translation>
    </message>
    <message numerus="yes">
        <source>%n expired not shown</source>
        <translation>
            <numerusform>%n verlopen niet getoond</numerusform>
            <numerusform>%n verlopen niet getoond</numerusform>
        </translation>
    </message>
    <message>
        <source>Only the newest {n} claims were read: the list is longer than that.</source>
        <translation>Alleen de nieuwste {n} claims zijn gelezen: de lijst is langer.</translation>
    </message>
    <message>
        <source>The shop journal cannot be reached: only this counter&apos;s marks are shown.</source>
        <translation>Het winkellogboek is niet bereikbaar: je ziet alleen de markeringen van deze balie.</translation>
    </message>
    <message>
        <source>{reason} The list shown is from {time}; no answer since {since}.</source>
        <translation>{reason} De getoonde lijst is van {time}; geen antwoord sinds {since}.</translation>
    </message>
    <message>
        <source>The pickup journal cannot be read. Ask your IT contact.</source>
        <translation>Het afhaallogboek kan niet worden gelezen. Vraag het je IT-contactpersoon.</translation>
    </message>
    <message numerus="yes">
        <source>%n reward(s) marked ready on the shelf.</source>
        <translation>
            <numerusform>%n beloning gemarkeerd als klaar op de plank.</numerusform>
            <numerusform>%n beloningen gemarkeerd als klaar op de plank.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n reward(s) no longer marked ready on the shelf.</source>
        <translation>
            <numerusform>%n beloning niet meer gemarkeerd als klaar op de plank.</numerusform>
            <numerusform>%n beloningen niet meer gemarkeerd als klaar op de plank.</numerusform>
        </translation>
    </message>
    <message>
        <source>The pickup journal cannot be written, so nothing was marked. Ask your IT contact.</source>
        <translation>Het afhaallogboek kan niet worden geschreven, dus er is niets gemarkeerd. Vraag het je IT-contactpersoon.</translation>
    </message>
    <message>
        <source>The receipt printer ran out of paper during the slip: put in a new roll and print the slip again.</source>
        <translation>Het papier van de kassabonprinter raakte op tijdens de bon: plaats een nieuwe rol en druk de bon opnieuw af.</translation>
    </message>
    <message>
        <source>The receipt printer is out of paper: put in a new roll and print again.</source>
        <translation>De kassabonprinter heeft geen papier meer: plaats een nieuwe rol en druk opnieuw af.</translation>
    </message>
    <message>
        <source>The receipt printer&apos;s cover is open: close it and print again.</source>
        <translation>De klep van de kassabonprinter staat open: sluit hem en druk opnieuw af.</translation>
    </message>
    <message>
        <source>The receipt printer is not ready: check its paper and cover, then print again.</source>
        <translation>De kassabonprinter is niet gereed: controleer het papier en de klep en druk dan opnieuw af.</translation>
    </message>
    <message>
        <source>The receipt printer ({printer}) does not answer: check that it is on and connected, then print again.</source>
        <translation>De kassabonprinter ({printer}) antwoordt niet: controleer of hij aan staat en aangesloten is en druk dan opnieuw af.</translation>
    </message>
    <message>
        <source>The receipt printer ({printer}) is not connected to this PC.</source>
        <translation>De kassabonprinter ({printer}) is niet op deze pc aangesloten.</translation>
    </message>
    <message>
        <source>This PC does not let the app use the receipt printer ({printer}): ask your IT contact.</source>
        <translation>Deze pc laat de app de kassabonprinter ({printer}) niet gebruiken: vraag het uw IT-contactpersoon.</translation>
    </message>
    <message>
        <source>This PC lacks the USB support the receipt printer needs (libusb): ask your IT contact.</source>
        <translation>Deze pc mist de USB-ondersteuning die de kassabonprinter nodig heeft (libusb): vraag het uw IT-contactpersoon.</translation>
    </message>
    <message>
        <source>The connection to the receipt printer ({printer}) broke: the slip may be incomplete. Print it again.</source>
        <translation>De verbinding met de kassabonprinter ({printer}) werd verbroken: de bon is misschien onvolledig. Druk hem opnieuw af.</translation>
    </message>
    <message>
        <source>SCANNER TEST</source>
        <translation>SCANNERTEST</translation>
    </message>
    <message>
        <source>Scan these codes with this counter&apos;s scanner on the Test the scanner page. This is no customer&apos;s code.</source>
        <translation>Scan deze codes met de scanner van deze balie op de pagina Scanner testen. Dit is geen code van een klant.</translation>
    </message>
    <message>
        <source>Scanner test codes</source>
        <translation>Testcodes voor de scanner</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>The data folder {folder} cannot be written by this user account, so hand-overs are switched off: nothing could be recorded. Ask your IT contact.</source>
        <extracomment>Seconds the work that waits for the window&apos;s first paint waits at most.</extracomment>
        <translation>De gegevensmap {folder} is niet beschrijfbaar voor dit gebruikersaccount, dus overhandigen staat uit: er kon niets worden vastgelegd. Vraag het je IT-contactpersoon.</translation>
    </message>
    <message>
        <source>The pickup journal cannot be opened ({error}), so hand-overs are switched off. Ask your IT contact.</source>
        <translation>Het afhaallogboek kan niet worden geopend ({error}), dus overhandigen staat uit. Vraag het je IT-contactpersoon.</translation>
    </message>
    <message>
        <source>The pickup journal is damaged: SQLite&apos;s check found errors in the file, so hand-overs are switched off. Ask your IT contact.</source>
        <translation>Het afhaallogboek is beschadigd: de controle van SQLite vond fouten in het bestand, dus overhandigen staat uit. Vraag het je IT-contactpersoon.</translation>
    </message>
    <message>
        <source>the key that protects them is missing or unreadable</source>
        <translation>de sleutel die ze beschermt ontbreekt of is onleesbaar</translation>
    </message>
    <message>
        <source>the staff list was protected with another key than this computer&apos;s</source>
        <translation>de medewerkerslijst is beveiligd met een andere sleutel dan die van deze computer</translation>
    </message>
    <message>
        <source>the staff list cannot be opened</source>
        <translation>de medewerkerslijst kan niet worden geopend</translation>
    </message>
    <message>
        <source>the staff list is empty although staff worked here: it must be restored from a backup, or started afresh</source>
        <translation>de medewerkerslijst is leeg, terwijl hier wel medewerkers hebben gewerkt: hij moet uit een back-up worden hersteld, of opnieuw worden opgezet</translation>
    </message>
    <message>
        <source>Staff PINs cannot be checked on this counter ({reason}), so staff sign-in, manager approval and leaving kiosk mode do not work. Ask your IT contact.</source>
        <translation>Pincodes van medewerkers kunnen op deze balie niet worden gecontroleerd ({reason}), dus het aanmelden van medewerkers, goedkeuring door een manager en het verlaten van de kioskmodus werken niet. Vraag het je IT-contactpersoon.</translation>
    </message>
</context>
<context>
    <name>ClaimConfirmDialog</name>
    <message>
        <source>Claim with points</source>
        <translation>Claimen met punten</translation>
    </message>
    <message>
        <source>Points now</source>
        <translation>Punten nu</translation>
    </message>
    <message>
        <source>This reward</source>
        <translation>Deze beloning</translation>
    </message>
    <message>
        <source>After the claim</source>
        <translation>Na de claim</translation>
    </message>
    <message>
        <source>The customer is here and agrees to spend these points</source>
        <translation>De klant is hier en gaat akkoord met het besteden van deze punten</translation>
    </message>
    <message>
        <source>Claim</source>
        <translation>Claimen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>onbekend</translation>
    </message>
</context>
<context>
    <name>ClaimListDialog</name>
    <message>
        <source>Rewards they can claim</source>
        <translation>Beloningen om te claimen</translation>
    </message>
    <message>
        <source>Rewards {name} can claim</source>
        <translation>Beloningen die {name} kan claimen</translation>
    </message>
    <message>
        <source>Claim…</source>
        <translation>Claimen…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <source>Loading the shop&apos;s rewards…</source>
        <translation>De beloningen van de winkel worden geladen…</translation>
    </message>
    <message>
        <source>This shop has no rewards to claim at the counter.</source>
        <translation>Deze winkel heeft geen beloningen om aan de balie te claimen.</translation>
    </message>
</context>
<context>
    <name>ClaimListView</name>
    <message>
        <source>Rewards to claim</source>
        <translation>Beloningen om te claimen</translation>
    </message>
</context>
<context>
    <name>CodeEntry</name>
    <message>
        <source>Code from the email</source>
        <translation>Code uit de e-mail</translation>
    </message>
    <message>
        <source>Check code</source>
        <translation>Code controleren</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>Opnieuw versturen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>We emailed a code to {email}. Ask the customer to read it out.</source>
        <extracomment>Digits for touch screens (kiosk mode); the field keeps the keyboard focus.</extracomment>
        <translation>We hebben een code gemaild naar {email}. Vraag de klant de code voor te lezen.</translation>
    </message>
</context>
<context>
    <name>CounterScreen</name>
    <message>
        <source>Code sent. Type the code the customer reads from the email.</source>
        <extracomment>The task key of a lookup: a new scan replaces the one running. The task key of asking again what the customer on screen can pick up. How long the programs wait for the list before they are asked anyway: one frame. Contact and rewards mostly come back together, and the cashier needs the list first.</extracomment>
        <translation>Code verstuurd. Typ de code die de klant uit de e-mail voorleest.</translation>
    </message>
</context>
<context>
    <name>CustomerHeader</name>
    <message>
        <source>Earlier pickups</source>
        <translation>Eerdere afhalingen</translation>
    </message>
    <message>
        <source>This customer&apos;s pickups at this counter</source>
        <translation>Afhalingen van deze klant aan deze balie</translation>
    </message>
    <message>
        <source>{points} Piggy points</source>
        <translation>{points} Piggy-punten</translation>
    </message>
</context>
<context>
    <name>FirstManagerDialog</name>
    <message>
        <source>Create the first manager</source>
        <translation>De eerste manager aanmaken</translation>
    </message>
    <message>
        <source>This needs a manager, and no manager is set up on this counter yet. Create the first one now: managers approve reversals and manage staff and their PINs.</source>
        <translation>Hiervoor is een manager nodig, en er is op deze balie nog geen manager ingesteld. Maak nu de eerste aan: managers keuren terugdraaiingen goed en beheren medewerkers en hun pincodes.</translation>
    </message>
    <message>
        <source>Manager&apos;s name</source>
        <translation>Naam van de manager</translation>
    </message>
    <message>
        <source>Create manager</source>
        <translation>Manager aanmaken</translation>
    </message>
    <message>
        <source>Type the manager&apos;s name.</source>
        <translation>Typ de naam van de manager.</translation>
    </message>
</context>
<context>
    <name>HandOverDialog</name>
    <message>
        <source>Hand over</source>
        <translation>Overhandigen</translation>
    </message>
    <message>
        <source>Rewards to hand over</source>
        <translation>Te overhandigen beloningen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Hand over this reward to {name}?</source>
        <translation>Deze beloning overhandigen aan {name}?</translation>
    </message>
    <message>
        <source>Hand over these {n} rewards to {name}?</source>
        <translation>Deze {n} beloningen overhandigen aan {name}?</translation>
    </message>
</context>
<context>
    <name>HandOverRow</name>
    <message>
        <source> of {n}</source>
        <extracomment>The side of a reward&apos;s picture in the confirmation. Rows shown without scrolling; more scroll. What tells this one from its kind (&quot;Size 39-42&quot;): the cashier checks it.</extracomment>
        <translation> van {n}</translation>
    </message>
    <message>
        <source>How many {title}</source>
        <translation>Aantal {title}</translation>
    </message>
</context>
<context>
    <name>JournalHealthBanner</name>
    <message>
        <source>Acknowledge…</source>
        <translation>Bevestigen…</translation>
    </message>
    <message>
        <source>A manager confirms with their PIN</source>
        <translation>Een manager bevestigt met de pincode</translation>
    </message>
    <message>
        <source>Hand-overs are held until a manager has seen this and acknowledges it.</source>
        <translation>Overhandigingen staan stil tot een manager dit heeft gezien en bevestigt.</translation>
    </message>
    <message>
        <source>No manager profile is set up on this counter, so it cannot be acknowledged here. Ask your IT contact.</source>
        <translation>Er is op deze balie geen managerprofiel ingesteld, dus dit kan hier niet worden bevestigd. Vraag het je IT-contactpersoon.</translation>
    </message>
    <message>
        <source>A manager acknowledges the journal problem with their PIN.</source>
        <translation>Een manager bevestigt het logboekprobleem met de pincode.</translation>
    </message>
    <message>
        <source>The acknowledgement could not be recorded in the journal, so hand-overs stay held. Ask your IT contact.</source>
        <translation>De bevestiging kon niet in het logboek worden vastgelegd, dus overhandigingen blijven stilstaan. Vraag het je IT-contactpersoon.</translation>
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
        <translation>Deze balie is nog niet klaar voor gebruik. Vraag het even aan een medewerker.</translation>
    </message>
    <message>
        <source>Piggy is not connected — ask a manager to open Settings.</source>
        <translation>Piggy is niet verbonden — vraag een manager om Instellingen te openen.</translation>
    </message>
    <message>
        <source>Acknowledged by {name}; hand-overs can start again.</source>
        <translation>Bevestigd door {name}; overhandigen kan weer.</translation>
    </message>
    <message>
        <source>Hand-overs checked</source>
        <translation>Overhandigingen gecontroleerd</translation>
    </message>
    <message>
        <source>Customer&apos;s mailbox</source>
        <translation>Mailbox van de klant</translation>
    </message>
</context>
<context>
    <name>NewPinFields</name>
    <message>
        <source>PIN again</source>
        <extracomment>The dialogs put their own rows (name, role) in here, so every field lines up.</extracomment>
        <translation>Pincode nogmaals</translation>
    </message>
    <message>
        <source>PIN ({min}–{max} digits)</source>
        <translation>Pincode ({min}–{max} cijfers)</translation>
    </message>
    <message>
        <source>The two PINs are not the same. Type them again.</source>
        <translation>De twee pincodes zijn niet gelijk. Typ ze opnieuw.</translation>
    </message>
</context>
<context>
    <name>PinCheckDialog</name>
    <message>
        <source>Checking…</source>
        <translation>Controleren…</translation>
    </message>
    <message>
        <source>The PIN could not be checked: the staff list cannot be read. Ask your IT contact.</source>
        <translation>De pincode kon niet worden gecontroleerd: de medewerkerslijst kan niet worden gelezen. Vraag het je IT-contactpersoon.</translation>
    </message>
    <message>
        <source>The PIN could not be checked. Try again.</source>
        <translation>De pincode kon niet worden gecontroleerd. Probeer het opnieuw.</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <source>Your name</source>
        <extracomment>The check that accepted the PIN (says e.g. whether the PIN is too short now).</extracomment>
        <translation>Je naam</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>A PIN has {min} to {max} digits.</source>
        <translation>Een pincode heeft {min} tot {max} cijfers.</translation>
    </message>
</context>
<context>
    <name>PinEntry</name>
    <message>
        <source>PIN</source>
        <translation>Pincode</translation>
    </message>
    <message>
        <source>You can type a PIN again.</source>
        <translation>Je kunt weer een pincode typen.</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <source>Clear</source>
        <extracomment>Keys of the one-row pad (under a field that has little room above and below).</extracomment>
        <translation>Wissen</translation>
    </message>
    <message>
        <source>Delete last digit</source>
        <translation>Laatste cijfer wissen</translation>
    </message>
</context>
<context>
    <name>PrinterChoice</name>
    <message>
        <source>Slip printer</source>
        <translation>Bonprinter</translation>
    </message>
    <message>
        <source>80 mm receipt</source>
        <translation>Bon 80 mm</translation>
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
        <translation>geen · 192.168.1.50 · usb://04b8:0202 · serial:///dev/ttyUSB0 · queue://NAAM</translation>
    </message>
    <message>
        <source>A receipt printer that speaks ESC/POS prints slips directly: its network address (port 9100), usb://VENDOR:PRODUCT, serial://PORT, or queue://NAME for a raw print queue. Empty: slips go to the slip printer above.</source>
        <translation>Een kassabonprinter die ESC/POS spreekt drukt bonnen direct af: zijn netwerkadres (poort 9100), usb://LEVERANCIER:PRODUCT, serial://POORT, of queue://NAAM voor een ruwe afdrukwachtrij. Leeg: bonnen gaan naar de bonprinter hierboven.</translation>
    </message>
    <message>
        <source>Receipt printer (ESC/POS)</source>
        <translation>Kassabonprinter (ESC/POS)</translation>
    </message>
    <message>
        <source>58 mm (32 characters a line)</source>
        <translation>58 mm (32 tekens per regel)</translation>
    </message>
    <message>
        <source>80 mm (48 characters a line)</source>
        <translation>80 mm (48 tekens per regel)</translation>
    </message>
    <message>
        <source>80 mm, 180 dpi (42 characters a line, e.g. Epson TM-T88)</source>
        <translation>80 mm, 180 dpi (42 tekens per regel, bijv. Epson TM-T88)</translation>
    </message>
    <message>
        <source>Receipt paper</source>
        <translation>Bonpapier</translation>
    </message>
    <message>
        <source>The printer prints QR codes itself (untick if the test slip has none)</source>
        <translation>De printer drukt QR-codes zelf af (vink uit als de testbon er geen heeft)</translation>
    </message>
    <message>
        <source>Print a test slip</source>
        <translation>Testbon afdrukken</translation>
    </message>
    <message>
        <source>The receipt printer&apos;s address is not usable. Write it as 192.168.1.50 (a network printer), usb://VENDOR:PRODUCT, serial://PORT or queue://NAME.</source>
        <translation>Het adres van de kassabonprinter is niet bruikbaar. Schrijf het als 192.168.1.50 (een netwerkprinter), usb://LEVERANCIER:PRODUCT, serial://POORT of queue://NAAM.</translation>
    </message>
    <message>
        <source>The system&apos;s default printer</source>
        <translation>Standaardprinter van het systeem</translation>
    </message>
    <message>
        <source>{printer} (not found on this PC)</source>
        <translation>{printer} (niet gevonden op deze pc)</translation>
    </message>
    <message>
        <source>Printing a test slip on {printer}…</source>
        <translation>Testbon wordt afgedrukt op {printer}…</translation>
    </message>
    <message>
        <source>Sent to the receipt printer ({printer}). Check its QR code and cut.</source>
        <translation>Verstuurd naar de kassabonprinter ({printer}). Controleer de QR-code en het afsnijden.</translation>
    </message>
    <message>
        <source>{missing} Choose another printer.</source>
        <translation>{missing} Kies een andere printer.</translation>
    </message>
    <message>
        <source>The test slip could not be printed on {printer} ({error}).</source>
        <translation>De testbon kon niet worden afgedrukt op {printer} ({error}).</translation>
    </message>
    <message>
        <source>the system&apos;s default printer</source>
        <translation>de standaardprinter van het systeem</translation>
    </message>
    <message>
        <source>Sent to {printer}.</source>
        <translation>Verstuurd naar {printer}.</translation>
    </message>
</context>
<context>
    <name>ProgressPanel</name>
    <message>
        <source>reward: {name} ({state})</source>
        <extracomment>The countdowns (&quot;3 hours left&quot;) are refreshed this often while on screen.</extracomment>
        <translation>beloning: {name} ({state})</translation>
    </message>
    <message>
        <source>Reward: {name}</source>
        <extracomment>Under each card: its name (up to two lines), then its rarity. Lines a card&apos;s name may take under it.</extracomment>
        <translation>Beloning: {name}</translation>
    </message>
    <message>
        <source>×{n}</source>
        <translation>×{n}</translation>
    </message>
    <message>
        <source>Giftoin collection challenges</source>
        <translation>Giftoin-verzameluitdagingen</translation>
    </message>
    <message>
        <source>No collection challenges.</source>
        <translation>Geen verzameluitdagingen.</translation>
    </message>
    <message>
        <source>Giftoin collections</source>
        <translation>Giftoin-verzamelingen</translation>
    </message>
    <message>
        <source>featured</source>
        <translation>uitgelicht</translation>
    </message>
    <message>
        <source>affordable</source>
        <translation>binnen bereik</translation>
    </message>
    <message>
        <source>★ Featured</source>
        <translation>★ Uitgelicht</translation>
    </message>
    <message>
        <source>Affordable</source>
        <translation>Binnen bereik</translation>
    </message>
    <message>
        <source>Nudj rewards</source>
        <translation>Nudj-beloningen</translation>
    </message>
    <message>
        <source>No rewards in the Nudj catalogue right now.</source>
        <translation>Nu geen beloningen in de Nudj-catalogus.</translation>
    </message>
    <message>
        <source>Progress in other programs</source>
        <extracomment>Where the collapsed state is kept in the window&apos;s QSettings. The panel&apos;s width when room is short: the rewards list beside it has the priority (theme.Layout: beyond their minimums the two share the width by stretch factors). Set rather than taken from the contents: sections switching between a line of text and a list would otherwise change the window&apos;s minimum size, and with it lay out the whole window again, on every load.</extracomment>
        <translation>Voortgang in andere programma’s</translation>
    </message>
    <message>
        <source>Progress</source>
        <extracomment>Top to bottom, as on screen.</extracomment>
        <translation>Voortgang</translation>
    </message>
    <message>
        <source>Show the customer&apos;s progress</source>
        <translation>Voortgang van de klant tonen</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Verbergen</translation>
    </message>
    <message>
        <source>Hide the customer&apos;s progress</source>
        <translation>Voortgang van de klant verbergen</translation>
    </message>
    <message>
        <source>Loading…</source>
        <extracomment>What a program&apos;s service call returns when the customer is linked. The section&apos;s share of the panel&apos;s height while it takes room (see ``takes_room``).</extracomment>
        <translation>Laden…</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Opnieuw proberen</translation>
    </message>
    <message>
        <source>Not available right now</source>
        <translation>Nu niet beschikbaar</translation>
    </message>
    <message>
        <source>Not linked</source>
        <translation>Niet gekoppeld</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Afgelopen</translation>
    </message>
    <message>
        <source>No end date</source>
        <translation>Geen einddatum</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>Bezig</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Voltooid</translation>
    </message>
    <message>
        <source>Common</source>
        <translation>Gewoon</translation>
    </message>
    <message>
        <source>Uncommon</source>
        <translation>Ongewoon</translation>
    </message>
    <message>
        <source>Rare</source>
        <translation>Zeldzaam</translation>
    </message>
    <message>
        <source>Epic</source>
        <translation>Episch</translation>
    </message>
    <message>
        <source>Legendary</source>
        <translation>Legendarisch</translation>
    </message>
    <message>
        <source>Claimable</source>
        <translation>Te claimen</translation>
    </message>
    <message>
        <source>Claimed</source>
        <translation>Geclaimd</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Vergrendeld</translation>
    </message>
    <message>
        <source>{collected} / {size}</source>
        <translation>{collected} / {size}</translation>
    </message>
    <message>
        <source>{percent}%</source>
        <translation>{percent}%</translation>
    </message>
    <message>
        <source>{price} points</source>
        <translation>{price} punten</translation>
    </message>
    <message>
        <source>{points} / {price} points</source>
        <translation>{points} / {price} punten</translation>
    </message>
    <message>
        <source>Sold out</source>
        <translation>Uitverkocht</translation>
    </message>
    <message>
        <source>{n} left</source>
        <translation>Nog {n}</translation>
    </message>
    <message>
        <source>owned: {n}</source>
        <translation>in bezit: {n}</translation>
    </message>
    <message>
        <source>entries: {n}</source>
        <translation>deelnames: {n}</translation>
    </message>
    <message>
        <source>{n} Nudj points</source>
        <translation>{n} Nudj-punten</translation>
    </message>
    <message>
        <source>{n} XP</source>
        <translation>{n} XP</translation>
    </message>
    <message>
        <source>{program} is not set up on this counter.</source>
        <extracomment>How the platforms Giftoin knows customers by are written (the setting is lower case).</extracomment>
        <translation>{program} is niet ingesteld op deze balie.</translation>
    </message>
    <message>
        <source>Giftoin finds customers by their {platform} account, and this customer has not linked one to their loyalty account yet.</source>
        <translation>Giftoin vindt klanten via hun {platform}-account, en deze klant heeft dat nog niet aan het klantaccount gekoppeld.</translation>
    </message>
    <message>
        <source>This customer&apos;s loyalty account is not linked to {program} yet.</source>
        <translation>Het klantaccount van deze klant is nog niet gekoppeld aan {program}.</translation>
    </message>
    <message>
        <source>This customer&apos;s {program} id was not found (looked up by: {source}).</source>
        <translation>Het {program}-id van deze klant is niet gevonden (opgezocht via: {source}).</translation>
    </message>
    <message>
        <source>This customer&apos;s {program} id was not found.</source>
        <translation>Het {program}-id van deze klant is niet gevonden.</translation>
    </message>
    <message>
        <source>{program} does not know this customer.</source>
        <translation>{program} kent deze klant niet.</translation>
    </message>
    <message>
        <source>{program} did not answer in time.</source>
        <translation>{program} antwoordde niet op tijd.</translation>
    </message>
    <message>
        <source>No connection to {program}.</source>
        <translation>Geen verbinding met {program}.</translation>
    </message>
    <message>
        <source>{program} refused this counter&apos;s key. Ask a manager to open Settings and check {program}.</source>
        <translation>{program} weigerde de sleutel van deze balie. Vraag een manager om Instellingen te openen en {program} te controleren.</translation>
    </message>
    <message>
        <source>{program} is in maintenance. Try again {wait}.</source>
        <translation>{program} is in onderhoud. Probeer het {wait} opnieuw.</translation>
    </message>
    <message>
        <source>{program} is busy. Try again {wait}.</source>
        <translation>{program} is druk. Probeer het {wait} opnieuw.</translation>
    </message>
    <message>
        <source>{program} sent an answer the app does not understand.</source>
        <translation>{program} stuurde een antwoord dat de app niet begrijpt.</translation>
    </message>
    <message>
        <source>{program} had a problem.</source>
        <translation>{program} had een probleem.</translation>
    </message>
    <message>
        <source>{program} could not be shown.</source>
        <translation>{program} kon niet worden getoond.</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Kaart</translation>
    </message>
    <message>
        <source>not owned</source>
        <translation>niet in bezit</translation>
    </message>
</context>
<context>
    <name>RecentPickupsModel</name>
    <message>
        <source>Time</source>
        <extracomment>The day in the date field. Who handed it over. For a reversed pickup (or one whose reversal is being checked): why, and who approved it. Where it was handed over; only while the list is the whole shop&apos;s.</extracomment>
        <translation>Tijd</translation>
    </message>
    <message>
        <source>Reward</source>
        <translation>Beloning</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Klant</translation>
    </message>
    <message>
        <source>Handed over by</source>
        <translation>Overhandigd door</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Reversal reason</source>
        <translation>Reden terugdraaiing</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>Goedgekeurd door</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>Balie</translation>
    </message>
    <message>
        <source>Slip code</source>
        <translation>Boncode</translation>
    </message>
    <message>
        <source>{state} (from the list)</source>
        <translation>{state} (volgens de lijst)</translation>
    </message>
    <message>
        <source>Customer: {name} ({uuid})</source>
        <translation>Klant: {name} ({uuid})</translation>
    </message>
    <message>
        <source>Handed over {when} at {counter}</source>
        <translation>Overhandigd {when} bij {counter}</translation>
    </message>
    <message>
        <source>On the slip {code} with other rewards</source>
        <translation>Op bon {code} met andere beloningen</translation>
    </message>
    <message>
        <source>Not confirmed by Piggy&apos;s answer: learned later from the customer&apos;s list of rewards to pick up.</source>
        <translation>Niet bevestigd door het antwoord van Piggy: later afgeleid uit de lijst van op te halen beloningen van de klant.</translation>
    </message>
    <message>
        <source>Confirmed by a later check: reverse it in the Piggy dashboard.</source>
        <translation>Bevestigd door een latere controle: draai de afhaling terug in het Piggy-dashboard.</translation>
    </message>
    <message>
        <source>Claimed with points {when} at {counter}: it is not a hand-over</source>
        <translation>Met punten geclaimd op {when} aan {counter}: het is geen overhandiging</translation>
    </message>
    <message>
        <source>Not confirmed by Piggy&apos;s answer: learned later from the customer&apos;s transactions.</source>
        <translation>Niet bevestigd door het antwoord van Piggy: later uit de transacties van de klant opgemaakt.</translation>
    </message>
</context>
<context>
    <name>RecentPickupsView</name>
    <message>
        <source>Today</source>
        <extracomment>Typing in the search field reloads after this pause, not on every key. Rows the view asks the journal for. While the shop&apos;s pickups are shown, they are read again this often (another counter&apos;s hand-over shows within it, plus the time that counter takes to copy it: about a second). (uuid, name) while the list is one customer&apos;s history. The shop&apos;s pickups (shared journal), when set: see :meth:`set_shop`.</extracomment>
        <translation>Vandaag</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Gisteren</translation>
    </message>
    <message>
        <source>All days</source>
        <translation>Alle dagen</translation>
    </message>
    <message>
        <source>Choose a day…</source>
        <translation>Kies een dag…</translation>
    </message>
    <message>
        <source>&amp;Day:</source>
        <translation>&amp;Dag:</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Dag</translation>
    </message>
    <message>
        <source>The day shown</source>
        <translation>De getoonde dag</translation>
    </message>
    <message>
        <source>Search recent pickups</source>
        <translation>Recente afhalingen doorzoeken</translation>
    </message>
    <message>
        <source>Reward, customer name, staff or slip code (PU-…)</source>
        <translation>Beloning, klantnaam, medewerker of boncode (PU-…)</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>Balie</translation>
    </message>
    <message>
        <source>All counters</source>
        <translation>Alle balies</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Vernieuwen</translation>
    </message>
    <message>
        <source>Show all customers</source>
        <translation>Alle klanten tonen</translation>
    </message>
    <message>
        <source>Recent pickups</source>
        <translation>Recente afhalingen</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exporteren…</translation>
    </message>
    <message>
        <source>Save the pickups shown as a CSV file</source>
        <translation>De getoonde afhalingen opslaan als CSV-bestand</translation>
    </message>
    <message>
        <source>Reprint slip…</source>
        <translation>Bon opnieuw afdrukken…</translation>
    </message>
    <message>
        <source>Print the slip of the selected pickup&apos;s hand-over again</source>
        <translation>De bon van de overhandiging van de gekozen afhaling opnieuw afdrukken</translation>
    </message>
    <message>
        <source>Reverse…</source>
        <translation>Terugdraaien…</translation>
    </message>
    <message>
        <source>No pickup {ref} was made at this counter, and the shop&apos;s other counters cannot be asked right now (the shop journal cannot be reached).</source>
        <translation>Er is aan deze balie geen afhaling {ref} gedaan, en de andere balies van de winkel kunnen nu niet worden nagevraagd (het winkellogboek is niet bereikbaar).</translation>
    </message>
    <message>
        <source>No pickup {ref} was made at any counter of this shop.</source>
        <translation>Er is aan geen enkele balie van deze winkel een afhaling {ref} gedaan.</translation>
    </message>
    <message>
        <source>No pickup {ref} was made at this counter.</source>
        <translation>Er is aan deze balie geen afhaling {ref} gedaan.</translation>
    </message>
    <message numerus="yes">
        <source>Slip {code}: %n reward(s) handed over together.</source>
        <translation>
            <numerusform>Bon {code}: %n beloning overhandigd.</numerusform>
            <numerusform>Bon {code}: %n beloningen samen overhandigd.</numerusform>
        </translation>
    </message>
    <message>
        <source>Earlier pickups of {name}</source>
        <translation>Eerdere afhalingen van {name}</translation>
    </message>
    <message>
        <source>No pickups match.</source>
        <translation>Geen afhalingen gevonden.</translation>
    </message>
    <message>
        <source>No earlier pickups of this customer.</source>
        <translation>Geen eerdere afhalingen van deze klant.</translation>
    </message>
    <message>
        <source>No pickups on this day.</source>
        <translation>Geen afhalingen op deze dag.</translation>
    </message>
    <message>
        <source>The shop journal cannot be reached: only this counter&apos;s pickups are shown until it is back.</source>
        <translation>Het winkellogboek is niet bereikbaar: tot het terug is, zie je alleen de afhalingen van deze balie.</translation>
    </message>
    <message>
        <source>The pickup journal cannot be read. Ask your IT contact.</source>
        <translation>Het afhaallogboek kan niet worden gelezen. Vraag het je IT-contactpersoon.</translation>
    </message>
    <message>
        <source>Reversing is not available on this counter right now (the journal or the staff list cannot be opened). Ask your IT contact.</source>
        <translation>Terugdraaien is op deze balie nu niet mogelijk (het logboek of de medewerkerslijst kan niet worden geopend). Vraag het je IT-contactpersoon.</translation>
    </message>
    <message>
        <source>Reversing needs a manager. Nothing was changed.</source>
        <translation>Voor terugdraaien is een manager nodig. Er is niets gewijzigd.</translation>
    </message>
    <message>
        <source>Refunding the points…</source>
        <translation>Punten worden teruggegeven…</translation>
    </message>
    <message>
        <source>Reversing…</source>
        <translation>Terugdraaien…</translation>
    </message>
    <message>
        <source>No slip: nothing of this hand-over is handed over any more.</source>
        <translation>Geen bon: niets van deze overhandiging staat nog als overhandigd.</translation>
    </message>
    <message>
        <source>The file {path} could not be written: {reason}</source>
        <translation>Het bestand {path} kon niet worden geschreven: {reason}</translation>
    </message>
    <message numerus="yes">
        <source>%n pickup(s) exported to {path}.</source>
        <translation>
            <numerusform>%n afhaling geëxporteerd naar {path}.</numerusform>
            <numerusform>%n afhalingen geëxporteerd naar {path}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export the pickups shown</source>
        <translation>De getoonde afhalingen exporteren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-bestanden (*.csv)</translation>
    </message>
    <message>
        <source>The pickup journal cannot be written, so nothing was sent. Ask your IT contact.</source>
        <translation>Het afhaallogboek kan niet worden bijgewerkt, dus er is niets verstuurd. Vraag het je IT-contactpersoon.</translation>
    </message>
</context>
<context>
    <name>ReverseDialog</name>
    <message>
        <source>Returned</source>
        <translation>Teruggebracht</translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation>Beschadigd</translation>
    </message>
    <message>
        <source>Wrong item</source>
        <translation>Verkeerd artikel</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Anders</translation>
    </message>
    <message>
        <source>Mis-tap, undone at the counter</source>
        <translation>Vergissing, aan de balie ongedaan gemaakt</translation>
    </message>
    <message>
        <source>Reverse a pickup</source>
        <translation>Een afhaling terugdraaien</translation>
    </message>
    <message>
        <source>this reward</source>
        <translation>deze beloning</translation>
    </message>
    <message>
        <source>{title} came back: what does the return mean?</source>
        <translation>{title} is teruggebracht: wat betekent de retour?</translation>
    </message>
    <message>
        <source>Reverse the pickup of {title}?</source>
        <translation>De afhaling van {title} terugdraaien?</translation>
    </message>
    <message>
        <source>{ref} · handed over {when} at {counter} by {staff} · customer {customer}</source>
        <translation>{ref} · overhandigd {when} bij {counter} door {staff} · klant {customer}</translation>
    </message>
    <message>
        <source>{ref} · handed over {when} by {staff} · customer {customer}</source>
        <translation>{ref} · overhandigd {when} door {staff} · klant {customer}</translation>
    </message>
    <message>
        <source>{ref} · handed over {when} at {counter} by {staff} · customer {customer}. The reward goes back to the customer&apos;s rewards to pick up; points are not refunded.</source>
        <translation>{ref} · overhandigd {when} aan {counter} door {staff} · klant {customer}. De beloning gaat terug naar de op te halen beloningen van de klant; punten worden niet teruggegeven.</translation>
    </message>
    <message>
        <source>{ref} · handed over {when} by {staff} · customer {customer}. The reward goes back to the customer&apos;s rewards to pick up; points are not refunded.</source>
        <translation>{ref} · overhandigd {when} door {staff} · klant {customer}. De beloning gaat terug naar de op te halen beloningen van de klant; punten worden niet teruggegeven.</translation>
    </message>
    <message>
        <source>(nobody signed in)</source>
        <translation>(niemand aangemeld)</translation>
    </message>
    <message>
        <source>The return means</source>
        <translation>De retour betekent</translation>
    </message>
    <message>
        <source>Put it back for pickup</source>
        <translation>Weer klaarzetten</translation>
    </message>
    <message>
        <source>It is back in the customer&apos;s rewards; the points stay spent.</source>
        <translation>De beloning staat weer bij de op te halen beloningen; de punten blijven besteed.</translation>
    </message>
    <message>
        <source>It is back in the customer&apos;s rewards already.</source>
        <translation>De beloning staat al weer bij de op te halen beloningen.</translation>
    </message>
    <message>
        <source>Refund the points</source>
        <translation>Punten teruggeven</translation>
    </message>
    <message>
        <source>The customer gets the points back; the reward is not picked up.</source>
        <translation>De klant krijgt de punten terug; de beloning wordt niet opgehaald.</translation>
    </message>
    <message>
        <source>Why?</source>
        <translation>Waarom?</translation>
    </message>
    <message>
        <source>Note (required for Other)</source>
        <translation>Notitie (verplicht bij Anders)</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notitie</translation>
    </message>
    <message>
        <source>Manager&apos;s PIN</source>
        <translation>Managerpincode</translation>
    </message>
    <message>
        <source>Reverse</source>
        <translation>Terugdraaien</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Not from this app: reverse its pickup in the Piggy dashboard.</source>
        <translation>Niet vanuit deze app: draai de afhaling terug in het Piggy-dashboard.</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>Teruggeven</translation>
    </message>
    <message>
        <source>Choose why the pickup is reversed.</source>
        <translation>Kies waarom de afhaling wordt teruggedraaid.</translation>
    </message>
    <message>
        <source>Write a short note saying why (required for Other).</source>
        <translation>Schrijf in een korte notitie waarom (verplicht bij Anders).</translation>
    </message>
    <message>
        <source>A manager types their PIN to approve the reversal.</source>
        <translation>Een manager voert de pincode in om het terugdraaien goed te keuren.</translation>
    </message>
</context>
<context>
    <name>RewardDelegate</name>
    <message>
        <source>Digital</source>
        <extracomment>The badge colours by urgency, from the theme. The &quot;Digital&quot; chip: the information colours, strong, so it is not read as an expiry badge. Up to this many days ahead a reward counts as &quot;expiring soon&quot; (amber). The width a row asks for; in the view, rows always span the viewport.</extracomment>
        <translation>Digitaal</translation>
    </message>
    <message>
        <source>On the shelf</source>
        <translation>Op de plank</translation>
    </message>
    <message>
        <source>Handing over…</source>
        <translation>Overhandigen…</translation>
    </message>
</context>
<context>
    <name>RewardListHeader</name>
    <message>
        <source>Filter: name, size, colour…</source>
        <translation>Filter: naam, maat, kleur…</translation>
    </message>
    <message>
        <source>Filter the rewards by name or attribute (Ctrl+F)</source>
        <translation>Beloningen filteren op naam of kenmerk (Ctrl+F)</translation>
    </message>
    <message>
        <source>Filter the rewards</source>
        <translation>Beloningen filteren</translation>
    </message>
</context>
<context>
    <name>RewardListModel</name>
    <message>
        <source>Expired on {date}</source>
        <translation>Verlopen op {date}</translation>
    </message>
    <message>
        <source>Expires today</source>
        <translation>Verloopt vandaag</translation>
    </message>
    <message>
        <source>No expiry</source>
        <translation>Verloopt niet</translation>
    </message>
    <message>
        <source>Claimed {date}</source>
        <translation>Geclaimd op {date}</translation>
    </message>
    <message>
        <source>{name} {value}</source>
        <translation>{name} {value}</translation>
    </message>
    <message>
        <source>Received online, nothing to hand over</source>
        <translation>Online ontvangen, niets te overhandigen</translation>
    </message>
    <message>
        <source>{title} is digital: the customer received it online. There is nothing to hand over at the counter.</source>
        <translation>{title} is digitaal: de klant heeft de beloning online ontvangen. Er is niets te overhandigen aan de balie.</translation>
    </message>
    <message>
        <source>{title} expired on {date}: it can no longer be handed over.</source>
        <translation>{title} is verlopen op {date}: kan niet meer worden overhandigd.</translation>
    </message>
    <message>
        <source>{ready} of {n} ready on the shelf</source>
        <translation>{ready} van {n} klaar op de plank</translation>
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
        <translation>Op te halen beloningen</translation>
    </message>
    <message>
        <source>Nothing to pick up for this customer.</source>
        <translation>Niets op te halen voor deze klant.</translation>
    </message>
</context>
<context>
    <name>SlipDialog</name>
    <message>
        <source>Pickup slip</source>
        <translation>Afhaalbon</translation>
    </message>
    <message>
        <source>Print this slip again?</source>
        <translation>Deze bon opnieuw afdrukken?</translation>
    </message>
    <message>
        <source>Give the customer a pickup slip?</source>
        <translation>De klant een afhaalbon geven?</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>Papier</translation>
    </message>
    <message>
        <source>{width} mm receipt (receipt printer)</source>
        <translation>Bon {width} mm (kassabonprinter)</translation>
    </message>
    <message>
        <source>80 mm receipt</source>
        <translation>Bon 80 mm</translation>
    </message>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Afdrukken…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Opslaan als PDF…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <source>No slip</source>
        <translation>Geen bon</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Afdrukken</translation>
    </message>
    <message>
        <source>Prints on this counter&apos;s printer</source>
        <translation>Drukt af op de printer van deze balie</translation>
    </message>
    <message>
        <source>Prints on the receipt printer ({printer})</source>
        <translation>Drukt af op de kassabonprinter ({printer})</translation>
    </message>
    <message>
        <source>Save the slip as PDF</source>
        <translation>De bon opslaan als PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-bestanden (*.pdf)</translation>
    </message>
    <message>
        <source>Saved as {path}.</source>
        <translation>Opgeslagen als {path}.</translation>
    </message>
    <message>
        <source>{missing} No slip this time.</source>
        <translation>{missing} Deze keer geen bon.</translation>
    </message>
    <message>
        <source>No printer is set up at this counter: no slip this time.</source>
        <translation>Er is bij deze balie geen printer ingesteld: deze keer geen bon.</translation>
    </message>
    <message>
        <source>Printing on the receipt printer…</source>
        <translation>Bezig met afdrukken op de kassabonprinter…</translation>
    </message>
    <message>
        <source>Print the pickup slip</source>
        <translation>De afhaalbon afdrukken</translation>
    </message>
    <message>
        <source>The slip could not be printed or saved ({error}). Try again.</source>
        <translation>De bon kon niet worden afgedrukt of opgeslagen ({error}). Probeer het opnieuw.</translation>
    </message>
</context>
<context>
    <name>StaffDialog</name>
    <message>
        <source>Staff</source>
        <translation>Medewerkers</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Toevoegen…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Hernoemen…</translation>
    </message>
    <message>
        <source>Make manager</source>
        <translation>Manager maken</translation>
    </message>
    <message>
        <source>New PIN…</source>
        <translation>Nieuwe pincode…</translation>
    </message>
    <message>
        <source>Deactivate…</source>
        <translation>Deactiveren…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <source>Make cashier</source>
        <translation>Baliemedewerker maken</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Make {name} a manager? Managers approve reversals and manage staff.</source>
        <translation>{name} manager maken? Managers keuren terugdraaiingen goed en beheren medewerkers.</translation>
    </message>
    <message>
        <source>Make {name} a cashier? They can no longer approve reversals.</source>
        <translation>{name} baliemedewerker maken? Terugdraaiingen goedkeuren is dan niet meer mogelijk.</translation>
    </message>
    <message>
        <source>Change role</source>
        <translation>Rol wijzigen</translation>
    </message>
    <message>
        <source>Deactivate {name}? They can no longer sign in or approve anything. Pickups they made stay in the journal under their name.</source>
        <translation>{name} deactiveren? Aanmelden en iets goedkeuren is dan niet meer mogelijk. Afhalingen die deze persoon deed, blijven onder die naam in het logboek staan.</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>Deactiveren</translation>
    </message>
</context>
<context>
    <name>StaffFormDialog</name>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>Add staff</source>
        <extracomment>Shown above the fields when set (why a new PIN is asked for).</extracomment>
        <translation>Medewerker toevoegen</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Toevoegen</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Hernoemen</translation>
    </message>
    <message>
        <source>New PIN for {name}</source>
        <translation>Nieuwe pincode voor {name}</translation>
    </message>
    <message>
        <source>Save PIN</source>
        <translation>Pincode opslaan</translation>
    </message>
    <message>
        <source>Type a name.</source>
        <translation>Typ een naam.</translation>
    </message>
</context>
<context>
    <name>StaffTableModel</name>
    <message>
        <source>Name</source>
        <extracomment>The StaffProfile of a row (any column).</extracomment>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation>Gedeactiveerd</translation>
    </message>
    <message>
        <source>Locked, {duration} left</source>
        <translation>Geblokkeerd, nog {duration}</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actief</translation>
    </message>
</context>
<context>
    <name>ToPrepareModel</name>
    <message>
        <source>Reward / customer</source>
        <extracomment>internalId of a reward&apos;s row; a claim&apos;s row carries its reward&apos;s row number + 1. The reward (a reward&apos;s row) or the customer (a claim&apos;s row). On the shelf since when, by whom (a claim); how many are (a reward). The loyalty transaction uuids of the claims the row stands for. Whether every claim of the row is on the shelf.</extracomment>
        <translation>Beloning / klant</translation>
    </message>
    <message>
        <source>Claimed</source>
        <translation>Geclaimd</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Verloopt</translation>
    </message>
    <message>
        <source>On the shelf</source>
        <translation>Op de plank</translation>
    </message>
</context>
<context>
    <name>_StaffFormDialog</name>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
</context>
</TS>
