$rows = @(
    @('Name', 'Qty'),
    @('apple', 3),
    @('kiwi', 12)
)
foreach ($row in $rows) {
    $row[0].PadRight(8) + ([string]$row[1]).PadLeft(4)
}
'-' * 12
'{0,-8}{1,4}' -f 'total', 15
