$x = 1
function Change { $x = 2; "inside $x" }
Change
"outside $x"
function ChangeScript { $script:x = 3 }
ChangeScript
"after $x"
$counter = 0
1..3 | ForEach-Object { $counter++ }
$counter
& { $y = 5 }
"y is [$y]"
