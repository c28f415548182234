function Double {
    process { $_ * 2 }
}
1..3 | Double
function Sum-Input {
    $total = 0
    foreach ($n in $input) { $total += $n }
    $total
}
1..4 | Sum-Input
function Get-Square {
    param([Parameter(ValueFromPipeline)][int]$Number)
    process { $Number * $Number }
}
2, 3 | Get-Square
filter Add-One { $_ + 1 }
1, 2 | Add-One
