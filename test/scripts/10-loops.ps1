for ($i = 0; $i -lt 3; $i++) { "i=$i" }
$n = 0
while ($n -lt 3) { $n++ }
$n
do { $n-- } while ($n -gt 0)
$n
do { $n++ } until ($n -ge 2)
$n
foreach ($x in 'a', 'b') { $x.ToUpper() }
foreach ($i in 1..10) { if ($i -eq 4) { break }; $i }
:outer foreach ($a in 1..3) {
    foreach ($b in 1..3) {
        if ($b -eq 2) { continue outer }
        "$a-$b"
    }
}
