$missing = $null
$missing ?? 'fallback'
'value' ?? 'fallback'
$n = 7
$n -gt 5 ? 'big' : 'small'
($n % 2 -eq 0) ? 'even' : 'odd'
$cache = $null
$cache ??= 'filled'
$cache ??= 'ignored'
$cache
Write-Output 'first' && Write-Output 'second'
Get-Item ./nothing-here -ErrorAction SilentlyContinue || Write-Output 'recovered'
