$ages = [ordered]@{ Ann = 31; Bob = 25; Cid = 42 }
foreach ($key in $ages.Keys) { "$key is $($ages[$key])" }
$ages.GetEnumerator() | Where-Object { $_.Value -gt 30 } | ForEach-Object { $_.Key }
$ages.Remove('Bob')
$ages.Count
$ages.Contains('Bob')
$counts = @{}
foreach ($word in 'a b a c b a' -split ' ') {
    if ($counts.ContainsKey($word)) { $counts[$word]++ } else { $counts[$word] = 1 }
}
$counts['a']
$counts.b
