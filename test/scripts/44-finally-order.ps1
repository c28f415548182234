function Test-Flow {
    try {
        'in try'
        return 'returned'
    } finally {
        'in finally'
    }
}
Test-Flow
foreach ($i in 1..3) {
    try {
        if ($i -eq 2) { continue }
        "item $i"
    } finally {
        "cleanup $i"
    }
}
