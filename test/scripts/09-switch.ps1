function Get-Kind($value) {
    switch ($value) {
        1 { 'one' }
        2 { 'two' }
        default { 'many' }
    }
}
Get-Kind 1
Get-Kind 5
switch -Wildcard ('report.txt') {
    '*.log' { 'log file' }
    '*.txt' { 'text file' }
}
switch -Regex ('abc123') {
    '^\d+$' { 'digits' }
    '^[a-z]+\d+$' { 'letters then digits' }
}
switch (1, 2, 3) {
    2 { 'found two'; break }
    default { "other $_" }
}
