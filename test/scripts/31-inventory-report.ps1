# A small inventory report: totals per category.
$inventory = @(
    [pscustomobject]@{ Item = 'Laptop'; Category = 'IT'; Price = 1200; Qty = 3 }
    [pscustomobject]@{ Item = 'Mouse'; Category = 'IT'; Price = 25; Qty = 10 }
    [pscustomobject]@{ Item = 'Desk'; Category = 'Office'; Price = 300; Qty = 2 }
    [pscustomobject]@{ Item = 'Chair'; Category = 'Office'; Price = 150; Qty = 4 }
)
foreach ($group in $inventory | Group-Object Category) {
    $total = 0
    foreach ($row in $group.Group) { $total += $row.Price * $row.Qty }
    '{0,-8} {1,6}' -f $group.Name, $total
}
$grand = ($inventory | ForEach-Object { $_.Price * $_.Qty } | Measure-Object -Sum).Sum
"Grand total: $grand"
