$ErrorActionPreference = 'Stop'
try {
    Get-Item ./nope.txt
    'not here'
} catch {
    'caught with preference Stop'
}
$ErrorActionPreference = 'Continue'
try {
    Get-Item ./nope.txt -ErrorAction SilentlyContinue
    'continued silently'
} catch {
    'not caught'
}
