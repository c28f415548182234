function Get-Grade([int]$score) {
    switch ($score) {
        { $_ -ge 90 } { 'A'; break }
        { $_ -ge 80 } { 'B'; break }
        default { 'C' }
    }
}
Get-Grade 95
Get-Grade 85
Get-Grade 10
$files = 'a.ps1', 'b.txt', 'c.PS1'
switch -Wildcard ($files) {
    '*.ps1' { "script: $_" }
    default { "other: $_" }
}
switch -CaseSensitive ('Yes') {
    'yes' { 'lower' }
    'Yes' { 'exact' }
}
