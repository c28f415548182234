$attempt = 0
$succeeded = $false
do {
    $attempt++
    if ($attempt -ge 3) { $succeeded = $true }
    "attempt $attempt"
} until ($succeeded)
"done after $attempt attempts"
$i = 10
while ($true) {
    $i -= 4
    if ($i -lt 0) { break }
}
$i
