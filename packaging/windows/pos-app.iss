; Inno Setup 6 script: the Windows installer of Pickup Counter.
;
; Build the bundle first (dist\pos-app\, see packaging\windows\README.md), then from the
; repository root:
;     iscc /DAppVersion=0.1.0 packaging\windows\pos-app.iss
; The installer lands in dist\pos-app-<version>-setup.exe.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "Pickup Counter"
#define AppExe "pos-app.exe"
#define AppCliExe "pos-app-cli.exe"
#define Root "..\.."

[Setup]
; Never change the AppId: Windows knows earlier installs (upgrade, uninstall) by it.
AppId={{AB4803EB-EAD1-4DFF-BEBB-B232E5E9CB2D}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Pickup Counter
VersionInfoVersion={#AppVersion}
; Per machine into Program Files by default; the shop's IT person may pick a per-user
; install instead (then no administrator is needed and the folder is the user's own).
PrivilegesRequired=admin
PrivilegesRequiredOverridesAllowed=dialog commandline
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#Root}\dist
OutputBaseFilename=pos-app-{#AppVersion}-setup
SetupIconFile={#Root}\resources\icons\pos-app.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes
; Code signing (see README.md): define a sign tool named "signtool" in the Inno Setup
; IDE (Tools > Configure Sign Tools) or with iscc /S, then uncomment. Inno Setup then
; signs the installer and the uninstaller it writes.
;SignTool=signtool
;SignedUninstaller=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "dutch"; MessagesFile: "compiler:Languages\Dutch.isl"
Name: "german"; MessagesFile: "compiler:Languages\German.isl"
Name: "french"; MessagesFile: "compiler:Languages\French.isl"

[CustomMessages]
english.KioskTask=Start in &kiosk mode when this Windows user signs in
dutch.KioskTask=Starten in &kioskmodus wanneer deze Windows-gebruiker zich aanmeldt
german.KioskTask=Beim Anmelden dieses Windows-Benutzers im &Kioskmodus starten
french.KioskTask=Démarrer en mode &kiosque à l'ouverture de session de cet utilisateur Windows
english.DemoIcon=Try the demo
dutch.DemoIcon=Demo proberen
german.DemoIcon=Demo ausprobieren
french.DemoIcon=Essayer la démo

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "kiosk"; Description: "{cm:KioskTask}"; Flags: unchecked

[Files]
; The whole one-folder bundle: pos-app.exe (the window), pos-app-cli.exe (doctor, secrets,
; journal, --self-test in a console) and _internal\.
; The uninstaller removes exactly these files. The journal of pickups, staff profiles and
; settings live in the user's data and config folders and stay: the journal is the shop's
; record of every hand-over.
Source: "{#Root}\dist\pos-app\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{group}\{#AppName} – {cm:DemoIcon}"; Filename: "{app}\{#AppExe}"; Parameters: "--demo"; WorkingDir: "{app}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Registry]
; Kiosk at sign-in: a Run entry of the Windows user who runs this setup (HKCU). For the
; locked-down shell (no Explorer, assigned access) see packaging\kiosk\.
Root: HKCU; Subkey: "Software\Microsoft\Windows\CurrentVersion\Run"; ValueType: string; ValueName: "PickupCounterKiosk"; ValueData: """{app}\{#AppExe}"" --kiosk"; Tasks: kiosk; Flags: uninsdeletevalue

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[Code]
{ After copying: the installed program proves it is complete (resources, Qt plugins) with
  its self-test, a few seconds in demo mode. Set POS_APP_INSTALL_SELF_TEST=0 to skip it. }
procedure CurStepChanged(CurStep: TSetupStep);
var
  ResultCode: Integer;
  Cli: String;
begin
  if (CurStep = ssPostInstall) and (GetEnv('POS_APP_INSTALL_SELF_TEST') <> '0') then
  begin
    Cli := ExpandConstant('{app}\{#AppCliExe}');
    WizardForm.StatusLabel.Caption := 'Checking the installation...';
    if not Exec(Cli, '--self-test', ExpandConstant('{app}'), SW_HIDE, ewWaitUntilTerminated, ResultCode)
       or (ResultCode <> 0) then
      SuppressibleMsgBox('The installed program did not pass its self-test (exit code '
        + IntToStr(ResultCode) + '). Run "' + Cli + '" --self-test in a command prompt to see '
        + 'which check failed.', mbError, MB_OK, IDOK);
  end;
end;
