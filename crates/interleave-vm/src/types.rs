//! The built-in classes: created once per process, addressed by name through [`Types`].

use std::rc::Rc;

use crate::dict::Dict;
use crate::heap::Heap;
use crate::object::{Class, Layout, Obj};
use crate::value::ObjRef;

macro_rules! types {
    ($root:ident; $( $field:ident = $name:literal : $base:ident, $layout:ident ;)*) => {
        /// References to every built-in class.
        #[derive(Clone)]
        pub struct Types {
            pub $root: ObjRef,
            $( pub $field: ObjRef, )*
        }

        impl Types {
            /// Creates the built-in classes in `heap` (in declaration order: bases first).
            pub fn create(heap: &mut Heap) -> Types {
                let $root = make_class(heap, "object", None, Layout::Object);
                $( let $field = make_class(heap, $name, Some($base), Layout::$layout); )*
                Types { $root, $( $field, )* }
            }

            /// Every built-in class with its Python name (for the `builtins` module).
            pub fn all(&self) -> Vec<(&'static str, ObjRef)> {
                vec![ ("object", self.$root), $( ($name, self.$field), )* ]
            }
        }
    };
}

fn make_class(heap: &mut Heap, name: &str, base: Option<ObjRef>, layout: Layout) -> ObjRef {
    let dict = heap.alloc(Obj::Dict(Dict::new()));
    let mut mro = Vec::new();
    let bases = base.map(|b| vec![b]).unwrap_or_default();
    if let Some(b) = base
        && let Obj::Class(bc) = heap.get(b) {
            mro = bc.mro.clone();
        }
    let name: Rc<str> = Rc::from(name);
    let r = heap.alloc(Obj::Class(Box::new(Class {
        name: name.clone(),
        qualname: name,
        bases,
        mro: Vec::new(),
        dict,
        layout,
        builtin: true,
        custom_setattr: false,
        custom_getattribute: false,
        has_properties: false,
        slots: None,
    })));
    mro.insert(0, r);
    if let Obj::Class(c) = heap.get_mut(r) {
        c.mro = mro;
    }
    r
}

types! {
    object;
    type_ = "type": object, Builtin;
    int = "int": object, Builtin;
    bool_ = "bool": int, Builtin;
    float = "float": object, Builtin;
    complex = "complex": object, Builtin;
    str = "str": object, Builtin;
    bytes = "bytes": object, Builtin;
    bytearray = "bytearray": object, Builtin;
    memoryview = "memoryview": object, Builtin;
    list = "list": object, Builtin;
    tuple = "tuple": object, Builtin;
    dict = "dict": object, Builtin;
    set = "set": object, Builtin;
    frozenset = "frozenset": object, Builtin;
    none_type = "NoneType": object, Builtin;
    not_implemented_type = "NotImplementedType": object, Builtin;
    ellipsis = "ellipsis": object, Builtin;
    function = "function": object, Builtin;
    builtin_function = "builtin_function_or_method": object, Builtin;
    method = "method": object, Builtin;
    module = "module": object, Builtin;
    generator = "generator": object, Builtin;
    coroutine = "coroutine": object, Builtin;
    range = "range": object, Builtin;
    slice = "slice": object, Builtin;
    property = "property": object, Builtin;
    staticmethod = "staticmethod": object, Builtin;
    classmethod = "classmethod": object, Builtin;
    super_ = "super": object, Builtin;
    cell = "cell": object, Builtin;
    code = "code": object, Builtin;
    list_iterator = "list_iterator": object, Builtin;
    tuple_iterator = "tuple_iterator": object, Builtin;
    range_iterator = "range_iterator": object, Builtin;
    str_iterator = "str_ascii_iterator": object, Builtin;
    bytes_iterator = "bytes_iterator": object, Builtin;
    bytearray_iterator = "bytearray_iterator": object, Builtin;
    memory_iterator = "memory_iterator": object, Builtin;
    dict_keyiterator = "dict_keyiterator": object, Builtin;
    dict_valueiterator = "dict_valueiterator": object, Builtin;
    dict_itemiterator = "dict_itemiterator": object, Builtin;
    set_iterator = "set_iterator": object, Builtin;
    enumerate = "enumerate": object, Builtin;
    zip = "zip": object, Builtin;
    reversed = "reversed": object, Builtin;
    map = "map": object, Builtin;
    filter = "filter": object, Builtin;
    callable_iterator = "callable_iterator": object, Builtin;
    iterator = "iterator": object, Builtin;
    dict_keys = "dict_keys": object, Builtin;
    dict_values = "dict_values": object, Builtin;
    dict_items = "dict_items": object, Builtin;
    text_io = "TextIOWrapper": object, Object;
    lock = "lock": object, Object;
    rlock = "RLock": object, Object;

    base_exception = "BaseException": object, Exception;
    system_exit = "SystemExit": base_exception, Exception;
    keyboard_interrupt = "KeyboardInterrupt": base_exception, Exception;
    generator_exit = "GeneratorExit": base_exception, Exception;
    exception = "Exception": base_exception, Exception;
    stop_iteration = "StopIteration": exception, Exception;
    stop_async_iteration = "StopAsyncIteration": exception, Exception;
    arithmetic_error = "ArithmeticError": exception, Exception;
    floating_point_error = "FloatingPointError": arithmetic_error, Exception;
    overflow_error = "OverflowError": arithmetic_error, Exception;
    zero_division_error = "ZeroDivisionError": arithmetic_error, Exception;
    assertion_error = "AssertionError": exception, Exception;
    attribute_error = "AttributeError": exception, Exception;
    buffer_error = "BufferError": exception, Exception;
    eof_error = "EOFError": exception, Exception;
    import_error = "ImportError": exception, Exception;
    module_not_found_error = "ModuleNotFoundError": import_error, Exception;
    lookup_error = "LookupError": exception, Exception;
    index_error = "IndexError": lookup_error, Exception;
    key_error = "KeyError": lookup_error, Exception;
    memory_error = "MemoryError": exception, Exception;
    name_error = "NameError": exception, Exception;
    unbound_local_error = "UnboundLocalError": name_error, Exception;
    os_error = "OSError": exception, Exception;
    blocking_io_error = "BlockingIOError": os_error, Exception;
    child_process_error = "ChildProcessError": os_error, Exception;
    connection_error = "ConnectionError": os_error, Exception;
    broken_pipe_error = "BrokenPipeError": connection_error, Exception;
    connection_aborted_error = "ConnectionAbortedError": connection_error, Exception;
    connection_refused_error = "ConnectionRefusedError": connection_error, Exception;
    connection_reset_error = "ConnectionResetError": connection_error, Exception;
    file_exists_error = "FileExistsError": os_error, Exception;
    file_not_found_error = "FileNotFoundError": os_error, Exception;
    interrupted_error = "InterruptedError": os_error, Exception;
    is_a_directory_error = "IsADirectoryError": os_error, Exception;
    not_a_directory_error = "NotADirectoryError": os_error, Exception;
    permission_error = "PermissionError": os_error, Exception;
    process_lookup_error = "ProcessLookupError": os_error, Exception;
    timeout_error = "TimeoutError": os_error, Exception;
    reference_error = "ReferenceError": exception, Exception;
    runtime_error = "RuntimeError": exception, Exception;
    not_implemented_error = "NotImplementedError": runtime_error, Exception;
    recursion_error = "RecursionError": runtime_error, Exception;
    syntax_error = "SyntaxError": exception, Exception;
    indentation_error = "IndentationError": syntax_error, Exception;
    tab_error = "TabError": indentation_error, Exception;
    system_error = "SystemError": exception, Exception;
    type_error = "TypeError": exception, Exception;
    value_error = "ValueError": exception, Exception;
    unicode_error = "UnicodeError": value_error, Exception;
    unicode_decode_error = "UnicodeDecodeError": unicode_error, Exception;
    unicode_encode_error = "UnicodeEncodeError": unicode_error, Exception;
    warning = "Warning": exception, Exception;
    deprecation_warning = "DeprecationWarning": warning, Exception;
    runtime_warning = "RuntimeWarning": warning, Exception;
    user_warning = "UserWarning": warning, Exception;
    future_warning = "FutureWarning": warning, Exception;
    pending_deprecation_warning = "PendingDeprecationWarning": warning, Exception;
    syntax_warning = "SyntaxWarning": warning, Exception;
    resource_warning = "ResourceWarning": warning, Exception;
}
