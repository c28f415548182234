function Get-Factorial([int]$n) {
    if ($n -le 1) { return 1 }
    return $n * (Get-Factorial ($n - 1))
}
Get-Factorial 5
Get-Factorial 10
function Get-Fib([int]$n) {
    if ($n -lt 2) { $n } else { (Get-Fib ($n - 1)) + (Get-Fib ($n - 2)) }
}
(0..10 | ForEach-Object { Get-Fib $_ }) -join ','
