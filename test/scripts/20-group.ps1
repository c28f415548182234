$words = 'apple', 'avocado', 'banana', 'blueberry', 'cherry'
$words | Group-Object { $_[0] } | ForEach-Object { "$($_.Name): $($_.Count)" }
$groups = $words | Group-Object Length -AsHashTable
$groups[6] -join ','
