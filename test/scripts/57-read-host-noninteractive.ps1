try {
    $answer = Read-Host 'Continue'
    "answered $answer"
} catch {
    'no user to ask'
}
$name = 'default'
"using $name"
