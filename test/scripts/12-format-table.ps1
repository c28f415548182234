$items = @(
    [pscustomobject]@{ Name = 'alpha'; Size = 10 }
    [pscustomobject]@{ Name = 'beta'; Size = 2000 }
)
$items
$items | Format-Table Name
$items | Format-List
[pscustomobject]@{ A = 1; B = 2; C = 3; D = 4; E = 5 }
